import { cleanContainer, RuleCase, specProblems, specWith } from './_spec';

// Rules that mirror ValidatePodSpec and its helpers, one case each: a spec at
// the edge the API server accepts, one it refuses, and the exact messages.
// The valid twins also synthesize as Peapod programs (pod-spec-parity-synth.test.ts).
const PARITY_CASES: readonly RuleCase[] = [
  {
    rule: 'node-affinity',
    valid: (s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }, { key: 'gpu', operator: 'Exists' }] },
              { matchExpressions: [{ key: 'example.com/cores', operator: 'Gt', values: ['4'] }], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] },
            ],
          },
          // Preferred terms may hold values no label can have: they just never match.
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['not a label value!'] }] } },
            { weight: 100, preference: {} },
          ],
        },
      }),
    invalid: (s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'gpu', operator: 'in', values: ['true'] },
                  { key: 'gpu', operator: 'In' },
                  { key: 'gpu', operator: 'Exists', values: ['true'] },
                  { key: 'cores', operator: 'Gt', values: ['4', '8'] },
                  { key: 'bad key', operator: 'In', values: ['not a label value!'] },
                ],
                matchFields: [
                  { key: 'metadata.labels', operator: 'In', values: ['x'] },
                  { key: 'metadata.name', operator: 'Exists', values: ['Node_1', 'b'] },
                ],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }, { weight: 101.5, preference: {} }],
        },
      }),
    messages: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: operator "in" of matchExpressions[0] of the required node affinity term 0 is not a node selector operator; the operators are "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt". Fix: write "In" (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: matchExpressions[1] of the required node affinity term 0 has operator In and no values. Fix: list the node label values to match, or use operator Exists (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].values: matchExpressions[2] of the required node affinity term 0 has operator Exists and 1 value. Fix: remove the values, or use operator In or NotIn (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[3].values: matchExpressions[3] of the required node affinity term 0 has operator Gt and 2 values; it takes exactly one. Fix: give one whole number to compare the node label with, such as ["4"] (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[4].key: key "bad key" of matchExpressions[4] of the required node affinity term 0 has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a node label key, such as "kubernetes.io/arch" (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[4].values[0]: value "not a label value!" of matchExpressions[4] of the required node affinity term 0 must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a node label value: at most 63 letters, digits, "-", "_" and "." (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: key "metadata.labels" of matchFields[0] of the required node affinity term 0 is not a node field selector key; the only one is "metadata.name". Fix: write key: "metadata.name", or select on a node label with matchExpressions (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[1].operator: operator "Exists" of matchFields[1] of the required node affinity term 0 is not supported; a node field selector takes "In" or "NotIn". Fix: use operator "In" or "NotIn" (node-affinity)',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[1].values[0]: node name "Node_1" of matchFields[1] of the required node affinity term 0 must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: name the node by its metadata.name (node-affinity)',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: weight of preferred node affinity term 0 is 0; it must be a whole number from 1 to 100. Fix: give the term a weight from 1 to 100; higher weights count more (node-affinity)',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].weight: weight of preferred node affinity term 1 is 101.5; it must be a whole number from 1 to 100. Fix: give the term a weight from 1 to 100; higher weights count more (node-affinity)',
    ],
  },
  {
    rule: 'node-affinity',
    valid: (s) => (s.affinity = { nodeAffinity: {} }),
    invalid: (s) => (s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }),
    messages: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: the required node affinity has no nodeSelectorTerms. Fix: add a term with matchExpressions, or remove requiredDuringSchedulingIgnoredDuringExecution (node-affinity)',
    ],
  },
  {
    rule: 'node-affinity-integer',
    valid: (s) => (s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['-3'] }] }] } } }),
    invalid: (s) => (s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4.5'] }] }] } } }),
    messages: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: the value "4.5" of matchExpressions[0] of the required node affinity term 0 (operator Gt) is not a whole number, so no node label compares with it. Fix: write the number the node label is compared with, such as "4" (node-affinity-integer)',
    ],
  },
  {
    rule: 'pod-affinity',
    valid: (s) =>
      (s.affinity = {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname', namespaces: ['team-a'] }],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, namespaceSelector: {}, topologyKey: 'topology.kubernetes.io/zone' } },
          ],
        },
      }),
    invalid: (s) =>
      (s.affinity = {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, namespaces: ['Team_A'] }] },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { labelSelector: {}, topologyKey: 'not a key!' } }],
        },
      }),
    messages: [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaces[0]: namespace "Team_A" of the required podAffinity term 0 must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: name a namespace by its metadata.name, such as "default" (pod-affinity)',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: the required podAffinity term 0 has no topologyKey. Fix: set topologyKey to the node label that groups nodes, such as "kubernetes.io/hostname" or "topology.kubernetes.io/zone" (pod-affinity)',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: weight of preferred podAntiAffinity term 0 is 0; it must be a whole number from 1 to 100. Fix: give the term a weight from 1 to 100; higher weights count more (pod-affinity)',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey: topologyKey "not a key!" of the preferred podAntiAffinity term 0 has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a node label key, such as "kubernetes.io/hostname" (pod-affinity)',
    ],
  },
  {
    rule: 'label-selector',
    valid: (s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: '' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }, { key: 'example.com/role', operator: 'In', values: ['a', 'b'] }] },
        },
      ]),
    invalid: (s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: {
            matchExpressions: [
              { key: 'app', operator: 'Equals', values: ['web'] },
              { key: 'app', operator: 'NotIn', values: [] },
              { key: 'tier', operator: 'Exists', values: ['x'] },
              { key: '', operator: 'In', values: ['bad value!'] },
            ],
          },
        },
      ]),
    messages: [
      'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].operator: operator "Equals" of matchExpressions[0] of the labelSelector of topology spread constraint 0 is not a selector operator; the operators are "In", "NotIn", "Exists", "DoesNotExist". Fix: use one of the listed operators; they are case-sensitive (label-selector)',
      'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[1].values: matchExpressions[1] of the labelSelector of topology spread constraint 0 has operator NotIn and no values. Fix: list the label values to match, or use operator DoesNotExist (label-selector)',
      'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[2].values: matchExpressions[2] of the labelSelector of topology spread constraint 0 has operator Exists and 1 value. Fix: remove the values, or use operator In or NotIn (label-selector)',
      'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[3].key: key "" of matchExpressions[3] of the labelSelector of topology spread constraint 0 has an empty name part. Fix: use a label key such as "app" or "example.com/tier" (label-selector)',
      'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[3].values[0]: value "bad value!" of matchExpressions[3] of the labelSelector of topology spread constraint 0 must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a label value: at most 63 letters, digits, "-", "_" and "." (label-selector)',
    ],
  },
  {
    rule: 'selector-matches-nothing',
    valid: (s) => (s.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {}, topologyKey: 'kubernetes.io/hostname' }] } }),
    invalid: (s) => {
      s.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] } };
      s.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }];
    },
    messages: [
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: the required podAntiAffinity term 0 has no labelSelector, so it matches no Pod. Fix: give it a labelSelector, such as { matchLabels: { app: \'web\' } } (selector-matches-nothing)',
      'spec.topologySpreadConstraints[0].labelSelector: topology spread constraint 0 has no labelSelector, so it counts no Pods. Fix: give it a labelSelector, such as { matchLabels: { app: \'web\' } } (selector-matches-nothing)',
    ],
  },
  {
    rule: 'topology-spread',
    valid: (s) =>
      (s.topologySpreadConstraints = [
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 3, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['pod-template-hash'] },
        { maxSkew: 2147483647, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } },
      ]),
    invalid: (s) =>
      (s.topologySpreadConstraints = [
        { maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} },
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {}, minDomains: 0 },
        { maxSkew: '1', topologyKey: '', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2, matchLabelKeys: ['app'] },
        { maxSkew: 1, topologyKey: 'host', whenUnsatisfiable: 'doNotSchedule', nodeTaintsPolicy: 'honor', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app', 'bad key'] },
      ]),
    messages: [
      'spec.topologySpreadConstraints[0].maxSkew: maxSkew of topology spread constraint 0 is 0; it must be a whole number, 1 or more (at most 2147483647). Fix: set maxSkew to 1 or more: how many more Pods one domain may hold than another (topology-spread)',
      'spec.topologySpreadConstraints[1]: topology spread constraint 1 repeats topologyKey "zone" with whenUnsatisfiable "DoNotSchedule" of spec.topologySpreadConstraints[0]. Fix: merge the two constraints, or give them different whenUnsatisfiable values (topology-spread)',
      'spec.topologySpreadConstraints[1].minDomains: minDomains of topology spread constraint 1 is 0; it must be a whole number, 1 or more (at most 2147483647). Fix: set minDomains to 1 or more, or leave it out (topology-spread)',
      'spec.topologySpreadConstraints[2].maxSkew: maxSkew of topology spread constraint 2 is "1"; it must be a whole number, 1 or more (at most 2147483647). Fix: set maxSkew to 1 or more: how many more Pods one domain may hold than another (topology-spread)',
      'spec.topologySpreadConstraints[2].topologyKey: topology spread constraint 2 has no topologyKey. Fix: set topologyKey to the node label that forms the domains, such as "topology.kubernetes.io/zone" (topology-spread)',
      'spec.topologySpreadConstraints[2].minDomains: topology spread constraint 2 sets minDomains with whenUnsatisfiable "ScheduleAnyway"; minDomains works only with DoNotSchedule. Fix: set whenUnsatisfiable: "DoNotSchedule", or remove minDomains (topology-spread)',
      'spec.topologySpreadConstraints[2].matchLabelKeys: topology spread constraint 2 has matchLabelKeys but no labelSelector. Fix: add a labelSelector, or remove matchLabelKeys (topology-spread)',
      'spec.topologySpreadConstraints[3].matchLabelKeys[0]: label key "app" is in both matchLabelKeys and the labelSelector of topology spread constraint 3. Fix: keep the key in one of the two (topology-spread)',
      'spec.topologySpreadConstraints[3].matchLabelKeys[1]: matchLabelKeys entry "bad key" of topology spread constraint 3 has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a label key of the Pod, such as "pod-template-hash" (topology-spread)',
    ],
  },
  {
    rule: 'scheduling-fields',
    valid: (s) => {
      s.priorityClassName = 'system-node-critical';
      s.runtimeClassName = 'gvisor';
      s.preemptionPolicy = 'Never';
      s.schedulingGates = [{ name: 'example.com/quota' }, { name: 'ready' }];
    },
    invalid: (s) => {
      s.priorityClassName = 'High_Priority';
      s.nodeName = 'node-1';
      s.runtimeClassName = 'gVisor';
      s.priority = 2 ** 31;
      s.schedulingGates = [{ name: 'example.com/quota' }, { name: 'example.com/quota' }, { name: '' }];
    },
    messages: [
      'spec.priorityClassName: priorityClassName "High_Priority" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: name the PriorityClass by its metadata.name (scheduling-fields)',
      'spec.runtimeClassName: runtimeClassName "gVisor" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: name the RuntimeClass by its metadata.name (scheduling-fields)',
      'spec.priority: priority is 2147483648; it must be a whole number from -2147483648 to 2147483647. Fix: leave priority out and name a PriorityClass with priorityClassName; admission fills it in (scheduling-fields)',
      'spec.schedulingGates[1].name: scheduling gate "example.com/quota" is already listed at spec.schedulingGates[0]. Fix: list each scheduling gate once (scheduling-fields)',
      'spec.schedulingGates[2].name: scheduling gate name "" has an empty name part. Fix: name the gate as a label key, such as "example.com/quota-check" (scheduling-fields)',
      'spec.nodeName: nodeName "node-1" is set while the Pod has 3 scheduling gates; a Pod cannot be bound to a node until all its schedulingGates have been cleared. Fix: remove nodeName, or remove the schedulingGates (scheduling-fields)',
    ],
  },
  {
    rule: 'supported-value',
    valid: (s) => {
      s.restartPolicy = '';
      s.dnsPolicy = 'ClusterFirstWithHostNet';
      s.tolerations = [{ key: 'gpu', operator: '', value: 'true' }];
      s.securityContext.fsGroupChangePolicy = 'OnRootMismatch';
    },
    invalid: (s) => {
      s.dnsPolicy = 'clusterFirst';
      s.preemptionPolicy = 'PreemptHigherPriority';
      s.securityContext.fsGroupChangePolicy = 'Sometimes';
      s.os = { name: 'darwin' };
    },
    messages: [
      'spec.preemptionPolicy: preemptionPolicy "PreemptHigherPriority" is not supported; the values are "PreemptLowerPriority", "Never". Fix: use one of the listed values (supported-value)',
      'spec.dnsPolicy: dnsPolicy "clusterFirst" is not supported; the values are "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None". Fix: write "ClusterFirst" (supported-value)',
      'spec.securityContext.fsGroupChangePolicy: fsGroupChangePolicy "Sometimes" is not supported; the values are "OnRootMismatch", "Always". Fix: use one of the listed values (supported-value)',
      'spec.os.name: os name "darwin" is not supported; the values are "linux", "windows". Fix: use one of the listed values (supported-value)',
    ],
  },
  {
    rule: 'toleration',
    valid: (s) => (s.tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: -1 }]),
    invalid: (s) => (s.tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0.5 }]),
    messages: [
      'spec.tolerations[0].tolerationSeconds: tolerationSeconds is 0.5; it must be a whole number. Fix: set the seconds the Pod stays on a node after the taint appears, such as 300 (toleration)',
    ],
  },
  {
    rule: 'dns-config',
    valid: (s) => {
      s.dnsPolicy = 'None';
      s.dnsConfig = {
        nameservers: ['1.1.1.1', '2001:db8::53', '010.0.0.10'],
        searches: ['ns1.svc.cluster.local.', 'example.com', ...Array.from({ length: 30 }, (_, i) => `d${i}.example`)],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      };
    },
    invalid: (s) => {
      s.dnsConfig = {
        nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns.example.com', '256.1.1.1'],
        searches: [...Array.from({ length: 33 }, (_, i) => `d${i}.example`), 'Bad_Domain'],
        options: [{ value: '2' }],
      };
    },
    messages: [
      'spec.dnsConfig.nameservers: dnsConfig lists 5 nameservers; at most 3 are allowed. Fix: keep 3 of them (dns-config)',
      'spec.dnsConfig.nameservers[3]: nameserver "dns.example.com" is not an IP address. Fix: give the IP address of a DNS server, such as "10.96.0.10" (dns-config)',
      'spec.dnsConfig.nameservers[4]: nameserver "256.1.1.1" is not an IP address. Fix: give the IP address of a DNS server, such as "10.96.0.10" (dns-config)',
      'spec.dnsConfig.searches: dnsConfig lists 34 search domains; at most 32 are allowed. Fix: keep 32 of them (dns-config)',
      'spec.dnsConfig.searches[33]: search domain "Bad_Domain" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS name, such as "ns1.svc.cluster.local" (dns-config)',
      'spec.dnsConfig.options[0]: dnsConfig option 0 has no name. Fix: name the resolver option, such as { name: "ndots", value: "2" } (dns-config)',
    ],
  },
  {
    rule: 'dns-config',
    valid: (s) => (s.dnsPolicy = 'Default'),
    invalid: (s) => (s.dnsPolicy = 'None'),
    messages: [
      'spec.dnsConfig: dnsPolicy is "None" and the Pod has no dnsConfig, so it would have no resolver. Fix: add dnsConfig with at least one nameserver, or use another dnsPolicy (dns-config)',
    ],
  },
  {
    rule: 'pod-hostname',
    valid: (s) => {
      s.hostname = 'web-0';
      s.subdomain = 'web';
      s.setHostnameAsFQDN = true;
      s.hostAliases = [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar'] }, { ip: '::1' }];
    },
    invalid: (s) => {
      s.hostname = 'web.0';
      s.subdomain = 'Web';
      s.hostAliases = [{ ip: 'localhost', hostnames: ['Foo_Local'] }, { hostnames: ['bar'] }];
    },
    messages: [
      'spec.hostname: hostname "web.0" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: use a DNS-1123 label, such as "web-0" (pod-hostname)',
      'spec.subdomain: subdomain "Web" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: use a DNS-1123 label, such as "web-0" (pod-hostname)',
      'spec.hostAliases[0].ip: ip "localhost" of host alias 0 is not an IP address. Fix: give the IP address the hostnames resolve to, such as "10.1.2.3" (pod-hostname)',
      'spec.hostAliases[0].hostnames[0]: hostname "Foo_Local" of host alias 0 must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a lower-case DNS name, such as "db.internal" (pod-hostname)',
      'spec.hostAliases[1].ip: ip of host alias 1 is missing. Fix: give the IP address the hostnames resolve to, such as "10.1.2.3" (pod-hostname)',
    ],
  },
  {
    rule: 'host-alias-ip-unique',
    valid: (s) => (s.hostAliases = [{ ip: '10.0.0.1', hostnames: ['a', 'b'] }]),
    invalid: (s) => (s.hostAliases = [{ ip: '10.0.0.1', hostnames: ['a'] }, { ip: '10.0.0.1', hostnames: ['b'] }]),
    messages: [
      'spec.hostAliases[1].ip: host alias IP "10.0.0.1" is already listed at spec.hostAliases[0]. Fix: list all hostnames of the IP in one entry (host-alias-ip-unique)',
    ],
  },
  {
    rule: 'image-pull-secret-name',
    valid: (s) => (s.imagePullSecrets = [{ name: 'registry' }, { name: 'mirror' }]),
    invalid: (s) => (s.imagePullSecrets = [{ name: 'registry' }, {}, { name: 'registry' }]),
    messages: [
      'spec.imagePullSecrets[1].name: image pull secret 1 has no name. Fix: name the Secret that holds the registry credentials, or remove the entry (image-pull-secret-name)',
      'spec.imagePullSecrets[2].name: image pull secret "registry" is already listed at spec.imagePullSecrets[0]. Fix: list each pull Secret once (image-pull-secret-name)',
    ],
  },
  {
    rule: 'pod-timing',
    valid: (s) => {
      s.activeDeadlineSeconds = 2147483647;
      s.terminationGracePeriodSeconds = 0;
    },
    invalid: (s) => {
      s.activeDeadlineSeconds = 0;
      s.terminationGracePeriodSeconds = 1.5;
    },
    messages: [
      'spec.activeDeadlineSeconds: activeDeadlineSeconds is 0; it must be a whole number, 1 or more (at most 2147483647). Fix: set the seconds the Pod may run before it is stopped, 1 or more (pod-timing)',
      'spec.terminationGracePeriodSeconds: terminationGracePeriodSeconds is 1.5; it must be a whole number. Fix: set the seconds the containers get to shut down, such as 30 (pod-timing)',
    ],
  },
  {
    rule: 'termination-grace-period-negative',
    valid: (s) => (s.terminationGracePeriodSeconds = 3600),
    invalid: (s) => (s.terminationGracePeriodSeconds = -5),
    messages: [
      'spec.terminationGracePeriodSeconds: terminationGracePeriodSeconds is -5; Kubernetes treats a negative value as 1. Fix: use 0 to stop the containers at once, or the seconds they need to shut down (termination-grace-period-negative)',
    ],
  },
  {
    rule: 'readiness-gate',
    valid: (s) => (s.readinessGates = [{ conditionType: 'example.com/lb-ready' }, { conditionType: 'Ready2' }]),
    invalid: (s) => (s.readinessGates = [{ conditionType: 'lb ready' }, {}]),
    messages: [
      'spec.readinessGates[0].conditionType: readiness gate conditionType "lb ready" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: name the Pod condition to wait for, such as "example.com/load-balancer-ready" (readiness-gate)',
      'spec.readinessGates[1].conditionType: readiness gate conditionType "" has an empty name part. Fix: name the Pod condition to wait for, such as "example.com/load-balancer-ready" (readiness-gate)',
    ],
  },
  {
    rule: 'no-ephemeral-containers',
    valid: (s) => (s.ephemeralContainers = []),
    invalid: (s) => (s.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36' }]),
    messages: [
      'spec.ephemeralContainers: the Pod declares 1 ephemeral container; they cannot be set when a Pod is created. Fix: remove ephemeralContainers, and attach a debug container to the running Pod with `kubectl debug` (no-ephemeral-containers)',
    ],
  },
  {
    rule: 'host-namespaces',
    valid: (s) => {
      s.hostNetwork = true;
      s.shareProcessNamespace = true;
      s.containers[0].ports = [{ name: 'http', containerPort: 8080, hostPort: 8080 }, { containerPort: 9090 }];
    },
    invalid: (s) => {
      s.hostNetwork = true;
      s.hostPID = true;
      s.shareProcessNamespace = true;
      s.hostUsers = false;
      s.containers[0].ports = [{ name: 'http', containerPort: 8080, hostPort: 80 }];
    },
    messages: [
      'spec.shareProcessNamespace: the Pod sets both shareProcessNamespace and hostPID. Fix: keep one: hostPID shares the node\'s process namespace, shareProcessNamespace one of the Pod\'s own (host-namespaces)',
      'spec.hostNetwork: the Pod sets hostUsers: false and hostNetwork: true. Fix: remove hostNetwork, or hostUsers: false (host-namespaces)',
      'spec.hostPID: the Pod sets hostUsers: false and hostPID: true. Fix: remove hostPID, or hostUsers: false (host-namespaces)',
      'spec.containers[0].ports[0].hostPort: hostPort 80 of container "app" differs from its containerPort 8080; under hostNetwork the container listens on the node itself. Fix: set hostPort to 8080 or remove it (host-namespaces)',
    ],
  },
  {
    rule: 'pod-security-context',
    valid: (s) => {
      s.securityContext = { runAsUser: 2147483647, runAsGroup: 0, fsGroup: 2000, supplementalGroups: [0, 4000] };
    },
    invalid: (s) => {
      s.securityContext = { runAsUser: -1, runAsGroup: 2147483648, fsGroup: '2000', supplementalGroups: [1, NaN] };
    },
    messages: [
      'spec.securityContext.runAsUser: runAsUser is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: use a user or group ID from 0 to 2147483647 (pod-security-context)',
      'spec.securityContext.runAsGroup: runAsGroup is 2147483648; it must be a whole number, 0 or more (at most 2147483647). Fix: use a user or group ID from 0 to 2147483647 (pod-security-context)',
      'spec.securityContext.fsGroup: fsGroup is "2000"; it must be a whole number, 0 or more (at most 2147483647). Fix: use a user or group ID from 0 to 2147483647 (pod-security-context)',
      'spec.securityContext.supplementalGroups[1]: supplemental group is NaN; it must be a whole number, 0 or more (at most 2147483647). Fix: use a user or group ID from 0 to 2147483647 (pod-security-context)',
    ],
  },
  {
    rule: 'pod-security-context',
    valid: (s) => {
      s.os = { name: 'windows' };
      s.securityContext = { windowsOptions: { runAsUserName: 'NT AUTHORITY\\NETWORK SERVICE', gmsaCredentialSpecName: 'webapp-gmsa' } };
      delete s.containers[0].securityContext;
    },
    invalid: (s) => {
      s.os = { name: 'windows' };
      s.securityContext = { windowsOptions: { runAsUserName: 'a\\b\\c', gmsaCredentialSpecName: 'WebApp', gmsaCredentialSpec: '' } };
      delete s.containers[0].securityContext;
    },
    messages: [
      'spec.securityContext.windowsOptions.gmsaCredentialSpecName: gmsaCredentialSpecName "WebApp" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: name the GMSACredentialSpec object by its metadata.name (pod-security-context)',
      'spec.securityContext.windowsOptions.gmsaCredentialSpec: gmsaCredentialSpec is empty. Fix: give the credential spec JSON, or name it with gmsaCredentialSpecName (pod-security-context)',
      'spec.securityContext.windowsOptions.runAsUserName: runAsUserName "a\\\\b\\\\c" holds more than one backslash. Fix: write a Windows user as "USER" or "DOMAIN\\\\USER", such as "ContainerUser" (pod-security-context)',
    ],
  },
  {
    rule: 'seccomp-profile',
    valid: (s) => (s.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/audit.json' }),
    invalid: (s) => (s.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: '../escape.json' }),
    messages: [
      'spec.securityContext.seccompProfile.localhostProfile: localhostProfile "../escape.json" holds a ".." segment. Fix: write a path relative to the kubelet\'s seccomp directory, without ".." (seccomp-profile)',
    ],
  },
  {
    rule: 'seccomp-profile',
    valid: (s) => (s.securityContext.seccompProfile = { type: 'RuntimeDefault' }),
    invalid: (s) => (s.securityContext.seccompProfile = { type: 'RuntimeDefault', localhostProfile: 'x.json' }),
    messages: [
      'spec.securityContext.seccompProfile.localhostProfile: seccompProfile has type "RuntimeDefault" and a localhostProfile; it is read only with type "Localhost". Fix: remove localhostProfile, or set type: "Localhost" (seccomp-profile)',
    ],
  },
  {
    rule: 'sysctl',
    valid: (s) => (s.securityContext.sysctls = [{ name: 'net.core.somaxconn', value: '1024' }, { name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'net/ipv4/ip_local_port_range', value: '1024 65535' }]),
    invalid: (s) => {
      s.hostNetwork = true;
      s.hostIPC = true;
      s.securityContext.sysctls = [{ name: 'Net.Core', value: '1' }, { name: 'kernel.msgmax', value: '1' }, { name: 'kernel.msgmax', value: '2' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }, { value: '1' }];
    },
    messages: [
      'spec.securityContext.sysctls[0].name: sysctl name "Net.Core" is not a sysctl name: lower-case letters, digits, "-" and "_" in parts joined by "." or "/". Fix: write it as sysctl -a lists it, such as "net.ipv4.ip_local_port_range" (sysctl)',
      'spec.securityContext.sysctls[1].name: sysctl "kernel.msgmax" is set while the Pod uses hostIPC, so it would change the node\'s IPC namespace. Fix: remove the sysctl, or hostIPC (sysctl)',
      'spec.securityContext.sysctls[2].name: sysctl "kernel.msgmax" is already set at spec.securityContext.sysctls[1]. Fix: set each sysctl once (sysctl)',
      'spec.securityContext.sysctls[2].name: sysctl "kernel.msgmax" is set while the Pod uses hostIPC, so it would change the node\'s IPC namespace. Fix: remove the sysctl, or hostIPC (sysctl)',
      'spec.securityContext.sysctls[3].name: sysctl "net.ipv4.tcp_syncookies" is set while the Pod uses hostNetwork, so it would change the node\'s network. Fix: remove the sysctl, or hostNetwork (sysctl)',
      'spec.securityContext.sysctls[4].name: sysctl 4 has no name. Fix: name the kernel parameter, such as "net.core.somaxconn" (sysctl)',
    ],
  },
  {
    rule: 'run-as-non-root-user-zero',
    valid: (s) => {
      s.securityContext = { runAsNonRoot: true, runAsUser: 1000 };
      s.containers.push({ ...cleanContainer('root', 9090), securityContext: { runAsNonRoot: false, runAsUser: 0 } });
    },
    invalid: (s) => {
      s.securityContext = { runAsNonRoot: true };
      s.containers[0].securityContext = { runAsUser: 0 };
      s.initContainers = [{ name: 'init', image: 'init:1', securityContext: { runAsNonRoot: true, runAsUser: 0 } }];
    },
    messages: [
      'spec.containers[0].securityContext.runAsUser: container "app" must run as non-root (runAsNonRoot: true from the Pod) with runAsUser: 0, so the kubelet refuses to start it. Fix: set runAsUser to a non-zero user ID, such as 1000, or drop runAsNonRoot (run-as-non-root-user-zero)',
      'spec.initContainers[0].securityContext.runAsUser: container "init" must run as non-root (runAsNonRoot: true) with runAsUser: 0, so the kubelet refuses to start it. Fix: set runAsUser to a non-zero user ID, such as 1000, or drop runAsNonRoot (run-as-non-root-user-zero)',
    ],
  },
  {
    rule: 'run-as-non-root-user-zero',
    valid: (s) => {
      s.securityContext = { runAsNonRoot: true, runAsUser: 0 };
      s.containers[0].securityContext = { runAsUser: 1000 };
    },
    invalid: (s) => {
      s.securityContext = { runAsNonRoot: true, runAsUser: 0 };
      delete s.containers[0].securityContext;
      s.containers.push({ ...cleanContainer('sidecar', 9090), securityContext: undefined }, { ...cleanContainer('own', 9091), securityContext: { runAsUser: 1000 } });
    },
    messages: [
      'spec.securityContext.runAsUser: the Pod sets runAsNonRoot: true and runAsUser: 0, so the kubelet refuses to start containers "app", "sidecar". Fix: set runAsUser to a non-zero user ID, such as 1000, or drop runAsNonRoot (run-as-non-root-user-zero)',
    ],
  },
  {
    rule: 'pod-os',
    valid: (s) => {
      s.os = { name: 'linux' };
      s.securityContext = { runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } };
    },
    invalid: (s) => {
      s.os = { name: 'windows' };
      s.hostPID = true;
      s.securityContext = { runAsNonRoot: true, runAsUser: 1000, sysctls: [{ name: 'net.core.somaxconn', value: '1' }] };
    },
    messages: [
      'spec.securityContext.sysctls: sysctls cannot be set for a Pod with os: windows. Fix: remove sysctls, or declare os: { name: "linux" } (pod-os)',
      'spec.securityContext.runAsUser: runAsUser cannot be set for a Pod with os: windows. Fix: remove runAsUser, or declare os: { name: "linux" } (pod-os)',
      'spec.hostPID: hostPID cannot be set for a Pod with os: windows. Fix: remove hostPID, or declare os: { name: "linux" } (pod-os)',
      'spec.containers[0].securityContext.readOnlyRootFilesystem: readOnlyRootFilesystem cannot be set for a Pod with os: windows. Fix: remove readOnlyRootFilesystem, or declare os: { name: "linux" } (pod-os)',
      'spec.containers[0].securityContext.allowPrivilegeEscalation: allowPrivilegeEscalation cannot be set for a Pod with os: windows. Fix: remove allowPrivilegeEscalation, or declare os: { name: "linux" } (pod-os)',
    ],
  },
  {
    rule: 'pod-os',
    valid: (s) => {
      s.os = { name: 'windows' };
      delete s.containers[0].securityContext;
    },
    invalid: (s) => {
      s.os = { name: 'linux' };
      s.containers[0].securityContext.windowsOptions = { runAsUserName: 'ContainerUser' };
    },
    messages: [
      'spec.containers[0].securityContext.windowsOptions: windowsOptions cannot be set for a Pod with os: linux. Fix: remove windowsOptions, or declare os: { name: "windows" } (pod-os)',
    ],
  },
  {
    rule: 'volume-items',
    valid: (s) =>
      (s.volumes = [
        { name: 'c', configMap: { name: 'app', defaultMode: 0o777, items: [{ key: 'a', path: 'conf/..a', mode: 0 }] } },
        { name: 's', secret: { secretName: 'tls', defaultMode: 0o400 } },
        { name: 'd', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'app', fieldRef: { fieldPath: "metadata.labels['app']" } }, { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } }] } },
        {
          name: 'p',
          projected: {
            defaultMode: 0o644,
            sources: [
              { serviceAccountToken: { path: 'token', expirationSeconds: 600, audience: 'vault' } },
              { configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ]),
    invalid: (s) =>
      (s.volumes = [
        { name: 'c', configMap: { name: 'app', defaultMode: 0o1000, items: [{ key: '', path: '/etc/a' }, { key: 'b', path: '../b', mode: -1 }, { key: 'c', path: '' }] } },
        { name: 'd', downwardAPI: { items: [{ path: 'ip', fieldRef: { fieldPath: 'status.podIP' } }, { path: 'x' }, { path: 'mem', resourceFieldRef: { resource: 'limits.gpu' } }] } },
        {
          name: 'p',
          projected: {
            sources: [
              { serviceAccountToken: { path: 'token', expirationSeconds: 60 } },
              { secret: { items: [{ key: 'k', path: 'token' }] }, configMap: { name: 'x' } },
            ],
          },
        },
      ]),
    messages: [
      'spec.volumes[0].configMap.defaultMode: defaultMode of configMap volume "c" is 512; it must be a whole number from 0 to 511. Fix: use file mode bits from 0 to 0777 (octal; 511 in decimal), such as 0o644 (volume-items)',
      'spec.volumes[0].configMap.items[0].key: item 0 of configMap volume "c" has no key. Fix: name the key of the ConfigMap or Secret to project (volume-items)',
      'spec.volumes[0].configMap.items[0].path: path "/etc/a" of item 0 of configMap volume "c" is absolute; it must be relative. Fix: write a path relative to the mount point, without ".." (volume-items)',
      'spec.volumes[0].configMap.items[1].path: path "../b" of item 1 of configMap volume "c" holds a ".." segment. Fix: write a path relative to the mount point, without ".." (volume-items)',
      'spec.volumes[0].configMap.items[1].mode: mode of item 1 of configMap volume "c" is -1; it must be a whole number from 0 to 511. Fix: use file mode bits from 0 to 0777 (octal; 511 in decimal), such as 0o644 (volume-items)',
      'spec.volumes[0].configMap.items[2].path: item 2 of configMap volume "c" has no path. Fix: give the file a path relative to the mount point, such as "config/app.yaml" (volume-items)',
      'spec.volumes[1].downwardAPI.items[0].fieldRef.fieldPath: fieldPath "status.podIP" of item 0 of downwardAPI volume "d" is not a field a downwardAPI volume can hold; the fields are "metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid". Fix: use one of the listed fields; status fields such as the Pod IP reach a container through env valueFrom (volume-items)',
      'spec.volumes[1].downwardAPI.items[1]: item 1 of downwardAPI volume "d" has neither fieldRef nor resourceFieldRef. Fix: give it a fieldRef such as { fieldPath: "metadata.labels" }, or a resourceFieldRef (volume-items)',
      'spec.volumes[1].downwardAPI.items[2].resourceFieldRef.containerName: resourceFieldRef of item 2 of downwardAPI volume "d" names no container. Fix: name the container whose resources the file holds (volume-items)',
      'spec.volumes[1].downwardAPI.items[2].resourceFieldRef.resource: resource "limits.gpu" of item 2 of downwardAPI volume "d" is not supported; the resources are "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage" and limits.hugepages-* and requests.hugepages-*. Fix: use one of the listed resources (volume-items)',
      'spec.volumes[2].projected.sources[0].serviceAccountToken.expirationSeconds: expirationSeconds of the serviceAccountToken source 0 of projected volume "p" is 60; it must be a whole number from 600 to 4294967296. Fix: let the token live 600 seconds (10 minutes) or more, such as 3600, or leave expirationSeconds out for 1 hour (volume-items)',
      'spec.volumes[2].projected.sources[1]: source 1 of projected volume "p" has 2 kinds (secret, configMap). Fix: give each source one kind; list the others as sources of their own (volume-items)',
      'spec.volumes[2].projected.sources[1].secret.name: secret source 1 of projected volume "p" names no Secret. Fix: pass the Secret object, or { name } of one that exists (volume-items)',
      'spec.volumes[2].projected.sources[1].secret.items[0]: path "token" of projected volume "p" is already used by spec.volumes[2].projected.sources[0].serviceAccountToken. Fix: give each file of the projected volume its own path (volume-items)',
    ],
  },
  {
    rule: 'volume-source-fields',
    valid: (s) =>
      (s.volumes = [
        { name: 'scratch', emptyDir: { sizeLimit: '0' } },
        { name: 'nfs', nfs: { server: 'nfs.example.com', path: '/exports' } },
        { name: 'csi', csi: { driver: 'Secrets-Store.csi.k8s.io', nodePublishSecretRef: { name: 'creds' } } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: { metadata: { labels: { app: 'x' } }, spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } } } } },
        { name: 'disk', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 255, initiatorName: 'eui.0123456789ABCDEF' } },
        { name: 'az', azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/resourcegroups/g/providers/microsoft.compute/disks/d', kind: 'Managed' } },
      ]),
    invalid: (s) =>
      (s.volumes = [
        { name: 'scratch', emptyDir: { sizeLimit: '-1Gi' } },
        { name: 'nfs', nfs: { server: '', path: 'exports' } },
        { name: 'csi', csi: { driver: 'bad_driver', nodePublishSecretRef: {} } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: { metadata: { name: 'x' }, spec: { accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], resources: {} } } } },
        { name: 'eph2', ephemeral: {} },
        { name: 'disk', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.x', lun: 256, initiatorName: 'node-1' } },
        { name: 'az', azureDisk: { diskName: 'd', diskURI: 'https://acct.blob.core.windows.net/c/d.vhd', kind: 'Managed' } },
      ]),
    messages: [
      'spec.volumes[0].emptyDir.sizeLimit: sizeLimit "-1Gi" of emptyDir volume "scratch" is not a quantity of 0 or more. Fix: write a size such as "1Gi", or leave sizeLimit out (volume-source-fields)',
      'spec.volumes[1].nfs.server: nfs volume "nfs" has no server. Fix: set server (volume-source-fields)',
      'spec.volumes[1].nfs.path: path "exports" of nfs volume "nfs" is not absolute. Fix: write the exported path from the root, such as "/exports/data" (volume-source-fields)',
      'spec.volumes[2].csi.driver: driver "bad_driver" of csi volume "csi" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use the name the CSI driver registers, such as "secrets-store.csi.k8s.io" (volume-source-fields)',
      'spec.volumes[2].csi.nodePublishSecretRef.name: nodePublishSecretRef of csi volume "csi" names no Secret. Fix: name the Secret the driver reads (volume-source-fields)',
      'spec.volumes[3].ephemeral.volumeClaimTemplate.metadata.name: the volumeClaimTemplate of ephemeral volume "eph" sets metadata.name; only labels and annotations can be set. Fix: remove metadata.name: the claim is named after the Pod and the volume (volume-source-fields)',
      'spec.volumes[3].ephemeral.volumeClaimTemplate.spec.accessModes: the volumeClaimTemplate of ephemeral volume "eph" combines ReadWriteOncePod with other access modes. Fix: use ReadWriteOncePod alone (volume-source-fields)',
      'spec.volumes[3].ephemeral.volumeClaimTemplate.spec.resources.requests.storage: the volumeClaimTemplate of ephemeral volume "eph" requests no storage. Fix: request a size, such as resources: { requests: { storage: "1Gi" } } (volume-source-fields)',
      'spec.volumes[4].ephemeral.volumeClaimTemplate: ephemeral volume "eph2" has no volumeClaimTemplate. Fix: describe the claim to create, with accessModes and resources.requests.storage (volume-source-fields)',
      'spec.volumes[5].iscsi.lun: lun of iscsi volume "disk" is 256; it must be a whole number from 0 to 255. Fix: set lun from 0 to 255 (volume-source-fields)',
      'spec.volumes[5].iscsi.iqn: iqn "iqn.x" of iscsi volume "disk" is not an iSCSI name. Fix: write it as iqn.2001-04.com.example:storage, eui. and 16 hex digits, or naa. and 32 hex digits (volume-source-fields)',
      'spec.volumes[5].iscsi.initiatorName: initiatorName "node-1" of iscsi volume "disk" is not an iSCSI name: it must start with iqn, eui or naa. Fix: write it as iqn.2001-04.com.example:storage, eui. and 16 hex digits, or naa. and 32 hex digits (volume-source-fields)',
      'spec.volumes[6].azureDisk.diskURI: diskURI "https://acct.blob.core.windows.net/c/d.vhd" of azureDisk volume "az" (kind "Managed") is not a managed disk ID. Fix: write it as /subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id} (volume-source-fields)',
    ],
  },
  {
    rule: 'deprecated-volume-type',
    valid: (s) => (s.volumes = [{ name: 'repo', emptyDir: {} }]),
    invalid: (s) => (s.volumes = [{ name: 'repo', gitRepo: { repository: 'https://example.com/r.git' } }]),
    messages: [
      'spec.volumes[0].gitRepo: volume "repo" uses the gitRepo source, deprecated in v1.11. Fix: move to the CSI driver of the storage, or clone a repository in an init container into an emptyDir (deprecated-volume-type)',
    ],
  },
  {
    rule: 'deprecated-node-label',
    valid: (s) => (s.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} }]),
    invalid: (s) => {
      s.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'failure-domain.beta.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} }];
      s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'beta.kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] } } };
      s.nodeSelector = { constructor: 'x' };
    },
    messages: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: node label "beta.kubernetes.io/arch" is deprecated; newer nodes do not report it. Fix: select on "kubernetes.io/arch" instead (deprecated-node-label)',
      'spec.topologySpreadConstraints[0].topologyKey: node label "failure-domain.beta.kubernetes.io/zone" is deprecated; newer nodes do not report it. Fix: select on "topology.kubernetes.io/zone" instead (deprecated-node-label)',
    ],
  },
];

describe.each(PARITY_CASES.map((c, i) => [c.rule, i, c] as const))('rule %s (case %d)', (rule, _, c) => {
  test('accepts the valid case', () => {
    expect(specProblems(specWith(c.valid), rule)).toEqual([]);
  });
  test('reports the invalid case with the exact message', () => {
    expect(specProblems(specWith(c.invalid), rule)).toEqual(c.messages);
  });
});

describe('a windows Pod', () => {
  test('draws no lint that asks for a field os: windows forbids', () => {
    const spec = specWith((s) => {
      s.os = { name: 'windows' };
      s.securityContext = { runAsNonRoot: true, windowsOptions: { runAsUserName: 'ContainerUser' } };
      delete s.containers[0].securityContext;
    });
    expect(specProblems(spec)).toEqual([]);
  });
});
