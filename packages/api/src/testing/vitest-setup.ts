import { setPasswordCost } from '../services/password.ts';

// Suites hash many passwords (lock-out tests hash six in a row): at the production cost (N = 2^17) they
// take seconds on a busy 2-core machine. The cost of a hash is stored in it, so verification is unchanged.
setPasswordCost(2 ** 12);
