/**
 * Schemas shared by the routes.
 */
import { Type } from 'typebox';

/** Every error answer: a stable code and a Danish message. */
export const ErrorSchema = Type.Object({ error: Type.String(), message: Type.String() });

/** A municipality's three-digit code in a path. */
export const MunicipalityParams = Type.Object({
  code: Type.Integer({ minimum: 100, maximum: 999 }),
});
