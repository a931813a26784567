import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { Construct } from 'constructs';
import { KindManifest, KindObject } from './_kind-object';
import { ObjectMetaProps } from './object-meta';
import { ISecret } from './secret';
import { Service, ServicePortProps, ServicePortReference } from './service';
import { manifestToValidate } from './validation/escape-hatch';
import { BackendService, PATH_TYPES, validateIngress } from './validation/ingress';
import { RuleReport } from './validation/problem';

/**
 * How a path is matched: exactly, as a prefix by `/`-separated elements, or as the Ingress controller decides.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 */
export type PathType = (typeof PATH_TYPES)[number];

/**
 * Where an Ingress sends requests: a port of a Service of this app, by
 * the Service object and one of its port names or numbers (a port the
 * Service's `ports` do not declare does not compile).
 */
export class IngressBackend {
  /**
   * A port of `service`, by its name or number. Ports added later with
   * `addPort()` are not known to the compiler; name them through the
   * Service typed as `Service` (synth checks them still).
   */
  public static service<S extends Service<string, readonly ServicePortProps<string>[]>>(service: S, port: ServicePortReference<S>): IngressBackend {
    return new IngressBackend(service.name, port as string | number, service);
  }

  /**
   * A port of a Service that is applied some other way (not an object of
   * this app), by the Service's name; its ports are not checked.
   */
  public static fromServiceName(name: string, port: string | number): IngressBackend {
    return new IngressBackend(name, port, undefined);
  }

  private constructor(
    private readonly serviceName: string,
    private readonly port: string | number,
    /** The Service of this app requests go to, when the backend was made from one. */
    public readonly target: Service<string, readonly ServicePortProps<string>[]> | undefined,
  ) {}

  /** @internal */
  public _toKube(): Manifest<k8s.IngressBackend> {
    const port = typeof this.port === 'number' ? { number: this.port } : { name: this.port };
    return { service: { name: this.serviceName, port } };
  }
}

/** A path of an Ingress rule and where it goes. */
export interface IngressPath {
  /**
   * The path of the request URL, starting with `/`.
   * @default '/' - every path
   */
  readonly path?: string;
  /**
   * How the path is matched.
   * @default 'Prefix' - the path and everything below it
   */
  readonly pathType?: PathType;
  /** Where requests on this path go. */
  readonly backend: IngressBackend;
}

/** A rule of an Ingress: a host, and paths on it. */
export interface IngressRule {
  /**
   * The host name requests are for (`shop.example.com`, or `*.example.com` for one level of subdomains).
   * @default - every host
   */
  readonly host?: string;
  /** The paths on the host, matched longest first. */
  readonly paths: readonly IngressPath[];
}

/** TLS for some hosts of an Ingress. */
export interface IngressTls {
  /**
   * The hosts the certificate is for.
   * @default - not emitted; the controller's default hosts
   */
  readonly hosts?: readonly string[];
  /**
   * The Secret (of type kubernetes.io/tls) that holds the certificate and key.
   * @default - not emitted; the controller's default certificate
   */
  readonly secret?: ISecret;
}

/** Properties of an {@link Ingress}. */
export interface IngressProps extends ObjectMetaProps {
  /**
   * The IngressClass (the controller) that serves this Ingress.
   * @default - not emitted; the cluster's default IngressClass
   */
  readonly ingressClassName?: string;
  /**
   * Where requests that match no rule go.
   * @default - not emitted; the controller answers 404
   */
  readonly defaultBackend?: IngressBackend;
  /**
   * Rules by host and path.
   * @default - none; add them with addRule(). An Ingress needs a rule or a defaultBackend.
   */
  readonly rules?: readonly IngressRule[];
  /**
   * TLS certificates by host.
   * @default - none; plain HTTP
   */
  readonly tls?: readonly IngressTls[];
}

/**
 * HTTP and HTTPS routes from outside the cluster to Services, by host name
 * and path, served by the cluster's Ingress controller. Backends are Service
 * objects and their ports, checked at compile time. Renders a
 * `networking.k8s.io/v1` `Ingress`.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
export class Ingress extends KindObject<k8s.KubeIngressProps, IngressProps> {
  private readonly rules: IngressRule[];
  private readonly tls: IngressTls[];

  public constructor(scope: Construct, id: string, props: IngressProps = {}) {
    super(scope, id, props, 'networking.k8s.io/v1', 'Ingress');
    this.rules = [...(props.rules ?? [])];
    this.tls = [...(props.tls ?? [])];
  }

  /** Adds a rule after the others. */
  public addRule(rule: IngressRule): this {
    this.rules.push(rule);
    return this;
  }

  /** Adds TLS for some hosts. */
  public addTls(tls: IngressTls): this {
    this.tls.push(tls);
    return this;
  }

  /** @internal */
  protected _spec(): Manifest<k8s.IngressSpec> {
    return {
      ingressClassName: this.props.ingressClassName,
      defaultBackend: this.props.defaultBackend?._toKube(),
      tls: this.tls.length > 0 ? this.tls.map((t) => ({ hosts: t.hosts ? [...t.hosts] : undefined, secretName: t.secret?.name })) : undefined,
      rules: this.rules.length > 0 ? this.rules.map(renderRule) : undefined,
    };
  }

  /** Its rules, and the ports and namespaces of the Services of this app it sends requests to. @internal */
  protected _validate(manifest: KindManifest<k8s.KubeIngressProps>, report: RuleReport): void {
    validateIngress(manifest, this.backendServices(), report);
  }

  private backendServices(): Map<string, BackendService> {
    const namespace = this.apiObject.metadata.namespace;
    const backends = [this.props.defaultBackend, ...this.rules.flatMap((rule) => rule.paths.map((path) => path.backend))];
    const services = new Map<string, BackendService>();
    for (const backend of backends) {
      const service = backend?.target;
      if (service === undefined || services.has(service.name)) {
        continue;
      }
      // Each port of the DSL's Services has a number; one without (an untyped prop) matches no backend.
      const ports = (manifestToValidate<k8s.KubeServiceProps>(service.apiObject).manifest.spec?.ports ?? []).flatMap(({ name, port }) => (port === undefined ? [] : [{ name, port }]));
      services.set(service.name, { path: service.node.path, sameNamespace: service.apiObject.metadata.namespace === namespace, ports });
    }
    return services;
  }
}

function renderRule(rule: IngressRule): Manifest<k8s.IngressRule> {
  return {
    host: rule.host,
    http: {
      paths: rule.paths.map((path) => ({ path: path.path ?? '/', pathType: path.pathType ?? 'Prefix', backend: path.backend._toKube() })),
    },
  };
}
