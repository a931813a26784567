import { Construct } from 'constructs';
import { AnyContainer, PodTemplate } from './pod-template';
import { Volume } from './volume';

/**
 * A construct whose manifest carries a Pod description: a Pod, or a
 * workload's template. Its list mutators add to that description.
 */
export abstract class PodHolder extends Construct {
  /** The Pod description. */
  public abstract readonly template: PodTemplate;

  /** Adds a container after the others. */
  public addContainer(container: AnyContainer): this {
    this.template.addContainer(container);
    return this;
  }

  /** Adds an init container after the others. */
  public addInitContainer(container: AnyContainer): this {
    this.template.addInitContainer(container);
    return this;
  }

  /** Declares a volume; mounting it in a container does so too. */
  public addVolume(volume: Volume): this {
    this.template.addVolume(volume);
    return this;
  }
}
