import { Inject, Injectable } from '@nestjs/common';
import { validatePolicy } from '../../../../libs/domain/src/policy/index.js';
import { PolicyRepository, type PolicyEntity } from '../../../../libs/persistence/src/index.js';
import { PolicyException, PolicyExceptionCode } from './policy.exception.js';

/** Published policy versions: read them, and publish new ones. A published version never changes. */
@Injectable()
export class PoliciesService {
  constructor(@Inject(PolicyRepository) private readonly policies: PolicyRepository) {}

  listLatest(): Promise<PolicyEntity[]> {
    return this.policies.listLatest();
  }

  async latest(id: string): Promise<{ policy: PolicyEntity; versions: number[] }> {
    const policy = await this.policies.latest(id);
    if (!policy) throw unknownPolicy(id);
    return { policy, versions: await this.policies.versionsOf(id) };
  }

  async version(id: string, version: number): Promise<PolicyEntity> {
    const policy = await this.policies.find(id, version);
    if (policy) return policy;
    const latest = await this.policies.latest(id);
    if (!latest) throw unknownPolicy(id);
    throw new PolicyException(
      PolicyExceptionCode.VersionNotFound,
      `Policy "${id}" has no version ${version}; its versions are 1 to ${latest.version}.`,
    );
  }

  /**
   * Publishes the document as the next version of its policy (version 1 for a new id). The server
   * assigns the version; a client that sends one must send exactly that number, so an author working
   * from a stale copy learns that someone else has published meanwhile instead of silently overtaking.
   */
  async publish(body: unknown, publishedBy: string): Promise<PolicyEntity> {
    const submitted = isPlainObject(body) ? body : null;
    const id = typeof submitted?.id === 'string' ? submitted.id : null;
    const latest = id === null ? null : await this.policies.latest(id);
    const next = (latest?.version ?? 0) + 1;
    if (submitted && Number.isInteger(submitted.version) && submitted.version !== next) {
      throw new PolicyException(
        PolicyExceptionCode.VersionConflict,
        latest
          ? `version: ${String(submitted.version)} cannot be published; the next version of "${id}" is ${next} (leave version out to get it).`
          : `version: "${id}" is a new policy, so its first version is 1 (leave version out to get it).`,
      );
    }

    const validation = validatePolicy(
      submitted ? { ...submitted, version: submitted.version ?? next } : body,
    );
    if (!validation.ok) throw PolicyException.invalidDocument('The request body', validation.errors);
    const policy = validation.policy;

    const result = await this.policies.publish({
      id: policy.id,
      version: policy.version,
      title: policy.title,
      document: policy,
      publishedBy,
    });
    if (!result.published) {
      throw new PolicyException(
        PolicyExceptionCode.VersionConflict,
        `Version ${policy.version} of "${policy.id}" was published by someone else a moment ago; read it (GET /v1/policies/${policy.id}) and publish again.`,
      );
    }
    return result.policy;
  }
}

function unknownPolicy(id: string): PolicyException {
  return new PolicyException(
    PolicyExceptionCode.NotFound,
    `No published policy "${id}"; GET /v1/policies lists them.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
