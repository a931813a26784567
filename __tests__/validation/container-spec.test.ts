/**
 * The rules of one container, as the API server checks them
 * (`validateContainerCommon`, `validateContainers`, `validateInitContainers`
 * in pkg/apis/core/validation/validation.go), and Peapod's own: each with a
 * spec it accepts near the rule's edge and the exact messages for one it refuses.
 */
import { cleanContainer, describeRuleCases, RuleCase, specProblems, specWith } from './_spec';

const CONTAINER_CASES: RuleCase[] = [
  {
    rule: 'command-env-reference',
    valid: (s) => {
      s.containers[0].env = [{ name: 'NAME', value: 'web' }];
      // Shell substitutions hold no variable name; Service links and $$ escapes resolve or are literal.
      s.containers[0].command = ['sh', '-c', 'echo $(NAME) $(date +%s) $(hostname -i) $(DB_SERVICE_HOST) $$(LATER) $(unclosed'];
      s.containers[0].args = ['--name=$(NAME)'];
    },
    invalid: (s) => {
      s.containers[0].command = ['/app', '--name=$(NAME)'];
      s.containers[0].args = ['sh', '-c', 'date; echo $(date)'];
    },
    messages: [
      'spec.containers[0].command[1]: $(NAME) in command of container "app" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command. Fix: add NAME to the container\'s env or fix the name; if the shell is meant to run it, write $$(NAME) or suppress the rule with a reason (command-env-reference)',
      'spec.containers[0].args[2]: $(date) in args of container "app" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command. Fix: add date to the container\'s env or fix the name; if the shell is meant to run it, write $$(date) or suppress the rule with a reason (command-env-reference)',
    ],
  },
];

describeRuleCases(CONTAINER_CASES);

describe('refuses nothing that works', () => {
  test('an undefined $(VAR) in command or args is a warning, not an error', () => {
    const spec = specWith((s) => (s.containers[0].args = ['$(UNDEFINED)']));
    expect(specProblems(spec).length).toBe(1);
    expect(specProblems(spec)[0]).toContain('(command-env-reference)');
  });

  test('an env value may hold $(…) that names no variable, a Service link, or an unclosed $(', () => {
    const spec = specWith(
      (s) =>
        (s.containers[0].env = [
          { name: 'STARTED', value: 'at $(date +%s) on $(hostname -i)' },
          { name: 'DB', value: '$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT) $(POSTGRES_PORT_5432_TCP_ADDR)' },
          { name: 'OPEN', value: 'costs $(' },
        ]),
    );
    expect(specProblems(spec)).toEqual([]);
  });

  test('with enableServiceLinks: false, a Service-link name is an undefined reference', () => {
    const spec = specWith((s) => {
      s.enableServiceLinks = false;
      s.containers[0].env = [{ name: 'DB', value: '$(POSTGRES_SERVICE_HOST)' }];
    });
    expect(specProblems(spec, 'env-reference-defined')).toHaveLength(1);
  });

  test('cleanContainer is clean', () => {
    expect(specProblems({ containers: [cleanContainer()], securityContext: { runAsNonRoot: true } })).toEqual([]);
  });
});
