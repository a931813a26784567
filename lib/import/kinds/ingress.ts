import { PATH_TYPES } from '../../validation/ingress';
import { fieldOf, listAt, objectAt } from '../../validation/_json';
import { CallCode, Code, jsonLiteral, literal, objectOf, stringLiteral } from '../code';
import { constructStatement, keyedReference, KindConverter, KindInput, specOf, unmodeledKeys } from './_kind';

/**
 * Ingresses, as Peapod's `Ingress`, converted after the Services: a
 * backend that is a Service of the input is `IngressBackend.service(web,
 * port)`, its port checked by the compiler against the Service's ports;
 * another is `IngressBackend.fromServiceName`. TLS Secrets are objects too.
 */
export const ingressConverter: KindConverter = {
  apiVersion: 'networking.k8s.io/v1',
  unmodeled: (value) => {
    const spec = objectAt(value.spec);
    const other = unmodeledKeys(spec, ['ingressClassName', 'defaultBackend', 'rules', 'tls'], 'spec');
    const backend = (backend: unknown, at: string) => {
      const service = fieldOf(backend, 'service');
      other.push(...unmodeledKeys(backend, ['service'], at).map((field) => `${field} (a backend that is not a Service)`));
      other.push(...unmodeledKeys(service, ['name', 'port'], `${at}.service`), ...unmodeledKeys(fieldOf(service, 'port'), ['name', 'number'], `${at}.service.port`));
    };
    backend(spec.defaultBackend, 'spec.defaultBackend');
    listAt(spec.rules).forEach((rule, i) => {
      const at = `spec.rules[${i}]`;
      const http = fieldOf(rule, 'http');
      other.push(...unmodeledKeys(rule, ['host', 'http'], at), ...(http === undefined ? [`${at}: a rule without http paths`] : []), ...unmodeledKeys(http, ['paths'], `${at}.http`));
      listAt(fieldOf(http, 'paths')).forEach((path, j) => {
        const pat = `${at}.http.paths[${j}]`;
        other.push(...unmodeledKeys(path, ['path', 'pathType', 'backend'], pat), ...(fieldOf(path, 'path') === undefined ? [`${pat}: a path left out (Peapod writes "/")`] : []));
        backend(fieldOf(path, 'backend'), `${pat}.backend`);
      });
    });
    listAt(spec.tls).forEach((tls, i) => other.push(...unmodeledKeys(tls, ['hosts', 'secretName'], `spec.tls[${i}]`)));
    return other;
  },
  convert: (input) => {
    // After the Services, which its backends refer to.
    input.afterServices(() => convertIngress(input));
  },
};

function convertIngress(input: KindInput): void {
  const { reader, scope } = input;
  const spec = specOf(input);
  const className = reader.string(spec.ingressClassName, 'spec.ingressClassName');
  const rules = reader.list(spec.rules, 'spec.rules')?.map((item, i) => {
    const at = `spec.rules[${i}]`;
    const rule = reader.map(item, at) ?? {};
    const host = reader.string(rule.host, `${at}.host`);
    const http = reader.map(rule.http, `${at}.http`) ?? {};
    const paths = (reader.list(reader.required(http, 'paths', `${at}.http`), `${at}.http.paths`) ?? []).map((p, j) => {
      const pat = `${at}.http.paths[${j}]`;
      const path = reader.map(p, pat) ?? {};
      const text = reader.string(path.path, `${pat}.path`);
      if (path.pathType === undefined) {
        reader.problem(`${pat}.pathType`, 'is missing, and Kubernetes refuses a path without one', 'add pathType: Prefix, Exact or ImplementationSpecific', 'ingress-path-valid');
      }
      const pathType = reader.oneOf(path.pathType, `${pat}.pathType`, PATH_TYPES, 'ingress-path-valid');
      return objectOf([
        ['path', text === undefined || text === '/' ? undefined : stringLiteral(text)],
        ['pathType', pathType === undefined || pathType === 'Prefix' ? undefined : stringLiteral(pathType)],
        ['backend', backendCode(input, reader.required(path, 'backend', pat), `${pat}.backend`)],
      ]);
    });
    return objectOf([
      ['host', literal(host)],
      ['paths', { array: paths }],
    ]);
  });
  const tls = reader.list(spec.tls, 'spec.tls')?.map((item, i) => {
    const entry = reader.map(item, `spec.tls[${i}]`) ?? {};
    const hosts = reader.list(entry.hosts, `spec.tls[${i}].hosts`)?.map((host, j) => reader.string(host, `spec.tls[${i}].hosts[${j}]`) ?? '');
    const secret = reader.string(entry.secretName, `spec.tls[${i}].secretName`);
    return objectOf([
      ['hosts', hosts && jsonLiteral(hosts)],
      ['secret', secret === undefined ? undefined : keyedReference(reader, scope, 'Secret', secret, undefined, undefined, `spec.tls[${i}].secretName`)],
    ]);
  });
  const props = objectOf([
    input.nameEntry,
    ...input.metaEntries(),
    ['ingressClassName', literal(className)],
    ['defaultBackend', spec.defaultBackend === undefined ? undefined : backendCode(input, spec.defaultBackend, 'spec.defaultBackend')],
    ['rules', rules && { array: rules }],
    ['tls', tls && { array: tls }],
  ]);
  input.add({ group: 1, render: constructStatement(input, 'Ingress', props) });
}

// `IngressBackend.service(web, 'http')` for a Service of the input, else `IngressBackend.fromServiceName('web', 'http')`.
function backendCode(input: KindInput, value: unknown, at: string): CallCode | undefined {
  const { reader, scope, objects } = input;
  scope.imports.add('IngressBackend');
  const backend = reader.map(value, at) ?? {};
  const service = reader.map(reader.required(backend, 'service', at), `${at}.service`);
  if (!service) {
    return undefined;
  }
  const name = reader.string(reader.required(service, 'name', `${at}.service`), `${at}.service.name`) ?? '';
  const port = reader.map(reader.required(service, 'port', `${at}.service`, 'add port: { number: 80 } or { name: http }'), `${at}.service.port`) ?? {};
  if ((port.name === undefined) === (port.number === undefined)) {
    reader.problem(`${at}.service.port`, 'names a port by neither or both of name and number', 'give the port a name or a number', 'ingress-backend-port');
  }
  const portCode: Code = port.number !== undefined ? String(reader.integer(port.number, `${at}.service.port.number`) ?? 0) : stringLiteral(reader.string(port.name, `${at}.service.port.name`) ?? '');
  const own = objects.get(`Service/${name}`);
  if (own && !own.l1 && !own.governing?.made) {
    own.used = true;
    return { call: 'IngressBackend.service', args: [own.variable, portCode] };
  }
  return { call: 'IngressBackend.fromServiceName', args: [stringLiteral(name), portCode] };
}
