import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published policy version. Immutable: publishing makes a new version. */
@Entity({ name: 'policies' })
export class PolicyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_policies' })
  id: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_policies' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb' })
  document: object;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy: string;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}
