export { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
export { can, PERMISSIONS, type Permission, ROLE_LABELS, ROLES, type Role, ZRole } from "./roles";
export { createSecretBox, type SecretBox, SecretBoxError } from "./secret-box";
