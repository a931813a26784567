import { Annotations, Labels } from './labels';

/** The metadata every object of the new kinds takes: its name, labels and annotations. */
export interface ObjectMetaProps {
  /**
   * `metadata.name` of the object, a DNS-1123 subdomain.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Labels of the object itself, for `kubectl get -l`; Pods of a template get the template's labels, not these.
   * @default - no labels
   */
  readonly labels?: Labels;
  /**
   * Annotations of the object itself.
   * @default - no annotations
   */
  readonly annotations?: Annotations;
}

/** The rendered metadata of an object named `name` with `props`. @internal */
export function renderObjectMeta(name: string, props: ObjectMetaProps): { name: string; labels?: { [key: string]: string }; annotations?: { [key: string]: string } } {
  return { name, labels: props.labels ? { ...props.labels } : undefined, annotations: props.annotations ? { ...props.annotations } : undefined };
}
