// Compiled alone by test/types/entry-points.mjs: only `juzi-elements/auth` is imported.
import 'juzi-elements/auth';

const auth = document.querySelector('juzi-auth')!;
auth.mode = 'sidebar';
auth.status satisfies 'signed-out' | 'signing-in' | 'signed-in' | 'error';
auth.addEventListener('juzi-auth-success', (event) => event.detail.user);
// @ts-expect-error the mode is redirect or sidebar
auth.mode = 'bogus';
