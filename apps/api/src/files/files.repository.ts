import { Injectable } from '@nestjs/common';
import { FileEntity } from '@cakap/db';
import { DataSource, In, type Repository } from 'typeorm';

/** Data access for uploaded files' metadata. */
@Injectable()
export class FilesRepository {
  private readonly repo: Repository<FileEntity>;

  constructor(private readonly ds: DataSource) {
    this.repo = ds.getRepository(FileEntity);
  }

  insert(values: Partial<FileEntity>): Promise<FileEntity> {
    return this.repo.save(this.repo.create(values));
  }

  findById(id: string): Promise<FileEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<FileEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Is the user the owner or a co-author of the course? */
  async isCourseAuthor(courseId: string, userId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM course_authors WHERE course_id = $1 AND user_id = $2`, [courseId, userId]);
    return rows.length > 0;
  }

  async courseExists(courseId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM courses WHERE id = $1`, [courseId]);
    return rows.length > 0;
  }
}
