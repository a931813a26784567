import { ContainerRole } from '../container';
import { RuleReport } from '../validation/problem';
import { ADVISOR_RULES, TUTORIAL_QUESTIONS } from './rules';
import { ruleIn } from '../validation/rules';
import { JsonObject, listAt, objectAt } from '../validation/_json';

const ONE_CONTAINER_PER_POD = ruleIn(ADVISOR_RULES, 'one-container-per-pod');
const SPLIT_BY_SCALING = ruleIn(ADVISOR_RULES, 'split-by-scaling');

/** Declared container roles, by container name. */
export type ContainerRoles = ReadonlyMap<string, ContainerRole>;

// Roles that tie a container to the main one: it lives and dies with it.
const HELPER_ROLES: readonly ContainerRole[] = ['sidecar', 'log-collector', 'proxy', 'init'];

// Images of databases, caches and queues, by the last segment of their
// repository (`docker.io/library/mysql:8.4` → `mysql`). Exact names only,
// so that exporters and clients (`postgres-exporter`, `redis-cli`) are not taken for them.
const DATABASE_IMAGES: ReadonlySet<string> = new Set([
  'mysql', 'mariadb', 'percona', 'percona-server', 'postgres', 'postgresql', 'postgis', 'timescaledb',
  'redis', 'valkey', 'keydb', 'memcached', 'mongo', 'mongodb', 'mongodb-community-server',
  'cassandra', 'scylla', 'couchdb', 'couchbase', 'neo4j', 'elasticsearch', 'opensearch',
  'clickhouse-server', 'cockroach', 'etcd', 'rabbitmq', 'kafka', 'zookeeper', 'nats', 'influxdb',
]);

/**
 * The repository name of an image, without registry, path, tag or digest:
 * `registry.example.com:5000/team/postgres:16@sha256:…` → `postgres`.
 */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return (colon === -1 ? lastSegment : lastSegment.slice(0, colon)).toLowerCase();
}

/** Whether an image is one of the well-known databases, caches or queues. */
export function isDatabaseImage(image: string): boolean {
  return DATABASE_IMAGES.has(imageName(image));
}

/**
 * The tutorial's first two questions about a Pod with several containers,
 * as advice recorded in `report`: containers with no tie to the main one
 * (`one-container-per-pod`) and containers that scale differently
 * (`split-by-scaling`). `at` is the field path of the Pod spec; `roles` are
 * the roles the containers declare.
 */
export function adviseDesign(spec: unknown, at: string, report: RuleReport, roles: ContainerRoles = new Map()): void {
  const containers = listAt(objectAt(spec).containers).map(objectAt);
  if (containers.length < 2) {
    return;
  }
  const roleOf = ({ name }: JsonObject) => (typeof name === 'string' ? roles.get(name) : undefined);
  // A declared role wins over the image: a mysql image declared 'sidecar' is a helper.
  const isDatabase = (container: JsonObject) => roleOf(container) === 'database' || (roleOf(container) === undefined && isDatabaseImage(String(container.image ?? '')));
  const isHelper = (container: JsonObject) => HELPER_ROLES.includes(roleOf(container)!);

  const declaredMain = containers.findIndex((c) => roleOf(c) === 'main');
  const undeclaredApp = containers.findIndex((c) => roleOf(c) === undefined && !isDatabase(c));
  const mainIndex = declaredMain !== -1 ? declaredMain : undeclaredApp !== -1 ? undeclaredApp : 0;
  const main = containers[mainIndex];

  containers.forEach((container, i) => {
    const field = `${at}.containers[${i}]`;
    if (isDatabase(container)) {
      const others = containers.filter((other, j) => j !== i && !isHelper(other)).map((other) => `"${other.name}"`);
      if (others.length > 0) {
        const what = roleOf(container) === 'database' ? "is declared a database (role 'database')" : `runs "${container.image}", a database, cache or queue`;
        report.warn(
          'split-by-scaling',
          roleOf(container) === 'database' ? field : `${field}.image`,
          `container "${container.name}" ${what}, beside ${others.join(', ')}; they do not scale alike: each copy of the Pod would bring another database (${TUTORIAL_QUESTIONS.scaling})`,
          SPLIT_BY_SCALING.fixFor(`"${container.name}"`),
        );
      }
      return;
    }
    if (i === mainIndex || isHelper(container)) {
      return;
    }
    const what = roleOf(container) === 'main' ? `is declared main, like "${main.name}": two applications in one Pod` : `declares no role that ties it to the main container "${main.name}"`;
    report.warn(
      'one-container-per-pod',
      field,
      `container "${container.name}" ${what} (${TUTORIAL_QUESTIONS.lifecycle})`,
      ONE_CONTAINER_PER_POD.fixFor(`"${container.name}"`, `"${main.name}"`),
    );
  });
}
