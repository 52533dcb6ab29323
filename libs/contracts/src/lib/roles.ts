export { GLOBAL_ROLES, type GlobalRole, TENANT_ROLES, type TenantRole } from '@dspt/domain';
