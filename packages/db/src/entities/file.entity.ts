import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file: metadata here, bytes in the FileStorage under `storage_key`. */
@Entity('files')
export class FileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'image' | 'video' | 'document';

  /** The uploader's file name, for downloads only; never used as a path. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** Decided by the server from the file's magic bytes, not from what the client claimed. */
  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? v : Number(v)) } })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 512 })
  storageKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
