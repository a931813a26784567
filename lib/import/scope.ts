import { Names } from './code';
import type { Referable } from './kinds';
import { L1Usage } from './l1-literal';

/** A ConfigMap or Secret of the input, which Pods refer to by variable. */
export interface KeyedObject {
  /** The variable that holds the construct. */
  readonly variable: string;
  /** Keys that the construct's type knows, so references to them compile. */
  readonly typedKeys: ReadonlySet<string>;
  /** Whether the generated code refers to the variable. */
  used: boolean;
}

/** A port a container of a Pod declares, for probes and Services. */
export interface DeclaredPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: string;
}

/** A volume or claim template the containers mount by variable, and the statement that declares it. */
export interface Declaration {
  readonly name: string;
  readonly variable: string;
  readonly statement: string;
}

/** What the conversion of all objects shares: names, imports, and the ConfigMaps and Secrets of the input. */
export interface Scope {
  readonly names: Names;
  readonly usage: L1Usage & { usesJsonPatch: boolean; usesApiObject: boolean };
  /** Names imported from Peapod. */
  readonly imports: Set<string>;
  /** Types imported from Peapod (`import type`). */
  readonly typeImports: Set<string>;
  readonly configMaps: Map<string, KeyedObject>;
  /** ConfigMaps and Secrets made elsewhere, by `Kind/name`: the constant each is named by, and its declaration. */
  readonly external: Map<string, { readonly variable: string; readonly statement: string }>;
  readonly secrets: Map<string, KeyedObject>;
  /** Every object of the input by `Kind/name`, for references between them. */
  readonly objects: Map<string, Referable>;
}
