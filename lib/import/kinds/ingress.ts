import { PATH_TYPES } from '../../validation/ingress';
import { CallCode, Code, jsonLiteral, objectOf, stringLiteral } from '../code';
import { otherKeys, YamlMap } from '../fields';
import { constructStatement, KindConverter, KindInput, secretReference, specOf } from './_kind';

/* eslint-disable @typescript-eslint/no-explicit-any -- the input is untyped YAML */

/**
 * Ingresses, as Peapod's `Ingress`, converted after the Services: a
 * backend that is a Service of the input is `IngressBackend.service(web,
 * port)`, its port checked by the compiler against the Service's ports;
 * another is `IngressBackend.fromServiceName`. TLS Secrets are objects too.
 */
export const ingressConverter: KindConverter = {
  apiVersion: 'networking.k8s.io/v1',
  unmodeled: (value: YamlMap) => {
    const spec = value.spec ?? {};
    const other = otherKeys(spec, ['ingressClassName', 'defaultBackend', 'rules', 'tls']).map((key) => `spec.${key}`);
    const backend = (backend: any, at: string) => {
      if (backend !== null && typeof backend === 'object') {
        other.push(...otherKeys(backend, ['service']).map((key) => `${at}.${key} (a backend that is not a Service)`));
        other.push(...otherKeys(backend.service ?? {}, ['name', 'port']).map((key) => `${at}.service.${key}`));
        other.push(...otherKeys(backend.service?.port ?? {}, ['name', 'number']).map((key) => `${at}.service.port.${key}`));
      }
    };
    backend(spec.defaultBackend, 'spec.defaultBackend');
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, i: number) => {
      const at = `spec.rules[${i}]`;
      other.push(...otherKeys(rule ?? {}, ['host', 'http']).map((key) => `${at}.${key}`));
      if (rule?.http === undefined) {
        other.push(`${at}: a rule without http paths`);
      }
      other.push(...otherKeys(rule?.http ?? {}, ['paths']).map((key) => `${at}.http.${key}`));
      (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((path: any, j: number) => {
        const pat = `${at}.http.paths[${j}]`;
        other.push(...otherKeys(path ?? {}, ['path', 'pathType', 'backend']).map((key) => `${pat}.${key}`));
        if (path?.path === undefined) {
          other.push(`${pat}: a path left out (Peapod writes "/")`);
        }
        backend(path?.backend, `${pat}.backend`);
      });
    });
    (Array.isArray(spec.tls) ? spec.tls : []).forEach((tls: any, i: number) => other.push(...otherKeys(tls ?? {}, ['hosts', 'secretName']).map((key) => `spec.tls[${i}].${key}`)));
    return other.length > 0 ? other.join(', ') : undefined;
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
      const pathType = path.pathType === undefined ? undefined : reader.oneOf(path.pathType, `${pat}.pathType`, PATH_TYPES, 'ingress-path-valid');
      return objectOf([
        ['path', text === undefined || text === '/' ? undefined : stringLiteral(text)],
        ['pathType', pathType === undefined || pathType === 'Prefix' ? undefined : stringLiteral(pathType)],
        ['backend', backendCode(input, reader.required(path, 'backend', pat), `${pat}.backend`)],
      ]);
    });
    return objectOf([
      ['host', host === undefined ? undefined : stringLiteral(host)],
      ['paths', { array: paths }],
    ]);
  });
  const tls = reader.list(spec.tls, 'spec.tls')?.map((item, i) => {
    const entry = reader.map(item, `spec.tls[${i}]`) ?? {};
    const hosts = reader.list(entry.hosts, `spec.tls[${i}].hosts`)?.map((host, j) => reader.string(host, `spec.tls[${i}].hosts[${j}]`) ?? '');
    const secret = reader.string(entry.secretName, `spec.tls[${i}].secretName`);
    return objectOf([
      ['hosts', hosts && jsonLiteral(hosts)],
      ['secret', secret === undefined ? undefined : secretReference(scope, secret)],
    ]);
  });
  const props = objectOf([
    input.nameEntry,
    ...input.metaEntries(),
    ['ingressClassName', className === undefined ? undefined : stringLiteral(className)],
    ['defaultBackend', spec.defaultBackend === undefined ? undefined : backendCode(input, spec.defaultBackend, 'spec.defaultBackend')],
    ['rules', rules && { array: rules }],
    ['tls', tls && { array: tls }],
  ]);
  const ref = input.objects.get(`Ingress/${input.name}`)!;
  input.add({ group: 1, render: constructStatement(input, 'Ingress', props, () => ref.used) });
}

// `IngressBackend.service(web, 'http')` for a Service of the input, else `IngressBackend.fromServiceName('web', 'http')`.
function backendCode(input: KindInput, value: any, at: string): CallCode | undefined {
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
  if (own && !own.governing?.made) {
    own.used = true;
    return { call: 'IngressBackend.service', args: [own.variable, portCode] };
  }
  return { call: 'IngressBackend.fromServiceName', args: [stringLiteral(name), portCode] };
}
