/**
 * Schemas shared by the routes.
 */
import { Type } from 'typebox';

/** Every error answer: a stable code, a Danish message, and the request's field it is about (when one). */
export const ErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});

/** A municipality's three-digit code in a path. */
export const MunicipalityParams = Type.Object({
  code: Type.Integer({ minimum: 100, maximum: 999 }),
});
