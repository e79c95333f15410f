import { CERTIFICATE_MESSAGES, ErrorCode } from '@cakap/contracts';
import { IssuanceError } from '@cakap/issuance';
import { AppError } from '../common/app-error';

/** The field each refusal of the issuance rules is about, when it is about one. */
const FIELD_OF: Partial<Record<string, string>> = {
  [CERTIFICATE_MESSAGES.noTemplate]: 'templateId',
  [CERTIFICATE_MESSAGES.courseNotPublished]: 'courseId',
};

/**
 * Runs issuance work (@cakap/issuance) and turns its refusals into the api's errors: an
 * unknown row is a 404, anything else a 409 whose message says why.
 */
export async function issuing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof IssuanceError)) throw e;
    if (e.code === 'notFound') throw AppError.notFound();
    throw new AppError(ErrorCode.Conflict, {}, [{ field: FIELD_OF[e.code] ?? '_', code: e.code, params: e.params }]);
  }
}
