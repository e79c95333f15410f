import { Injectable } from '@nestjs/common';
import type { Page, UserListQuery } from '@cakap/contracts';
import { UserEntity } from '@cakap/db';
import { DataSource, type Repository } from 'typeorm';
import { likeEscape } from '../common/sql';

/** Data access for users; no rules here (those live in the services). */
@Injectable()
export class UsersRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(private readonly ds: DataSource) {
    this.repo = ds.getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { orgUnit: true, position: true, supervisor: true } });
  }

  /** With the password hash, which is otherwise never selected. */
  findForLogin(nip: string): Promise<UserEntity | null> {
    return this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.orgUnit', 'orgUnit')
      .leftJoinAndSelect('u.position', 'position')
      .leftJoinAndSelect('u.supervisor', 'supervisor')
      .where('u.nip = :nip', { nip })
      .getOne();
  }

  async passwordHash(id: string): Promise<string | null> {
    const u = await this.repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
    return u?.passwordHash ?? null;
  }

  async setPassword(id: string, hash: string, mustChange: boolean): Promise<void> {
    await this.repo.update({ id }, { passwordHash: hash, mustChangePassword: mustChange });
  }

  async touchLogin(id: string): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: () => 'now()' } as never);
  }

  async exists(id: string): Promise<boolean> {
    return this.repo.exists({ where: { id } });
  }

  insert(values: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(id: string, values: Partial<UserEntity>): Promise<void> {
    await this.repo.update({ id }, values);
  }

  async list(q: UserListQuery): Promise<Page<UserEntity>> {
    const qb = this.repo
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.orgUnit', 'orgUnit')
      .leftJoinAndSelect('u.position', 'position')
      .leftJoinAndSelect('u.supervisor', 'supervisor');
    if (q.q) {
      const term = likeEscape(q.q.toLowerCase());
      const digits = q.q.replace(/\s/g, '');
      qb.andWhere('(lower(u.name) LIKE :any OR lower(u.email) LIKE :any OR u.nip LIKE :prefix)', {
        any: `%${term}%`,
        prefix: `${likeEscape(digits)}%`,
      });
    }
    if (q.orgUnitId) {
      if (q.includeSubUnits === false) qb.andWhere('u.orgUnitId = :unit', { unit: q.orgUnitId });
      else
        qb.andWhere(
          `u.org_unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = :unit
             UNION ALL SELECT c.id FROM org_units c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
          { unit: q.orgUnitId },
        );
    }
    if (q.positionId) qb.andWhere('u.positionId = :pos', { pos: q.positionId });
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    const order = q.sort === 'nip' ? 'u.nip' : q.sort === 'createdAt' ? 'u.createdAt' : 'u.name';
    qb.orderBy(order, q.sort === 'createdAt' ? 'DESC' : 'ASC').addOrderBy('u.id', 'ASC');
    qb.skip((q.page - 1) * q.pageSize).take(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
