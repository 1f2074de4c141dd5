/** Small helpers shared by the route files. */
import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorResponseSchema } from '@domain';

/** Every route answers its success schema or the common error shape; both go into OpenAPI. */
export function responses<S extends TSchema>(status: 200 | 201, schema: S, alsoOk?: 200) {
  return {
    [status]: schema,
    ...(alsoOk ? { [alsoOk]: schema } : {}),
    '4xx': ErrorResponseSchema,
    '5xx': ErrorResponseSchema,
  } as Record<200 | 201, S> & { '4xx': typeof ErrorResponseSchema; '5xx': typeof ErrorResponseSchema };
}

export const NoContentSchema = Type.Null({ description: 'No content' });

export const bearerSecurity = [{ bearerAuth: [] as string[] }];
