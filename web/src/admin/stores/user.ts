import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError, request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';
import { can as roleCan, type Capability } from '@common/roles';

const MeFields = graphql(`
  fragment MeFields on Me {
    id
    username
    displayName
    role
    department {
      id
      name
      shortName
    }
  }
`);
const MeQuery = graphql(
  `
    query Me {
      me {
        ...MeFields
      }
    }
  `,
  [MeFields],
);
const LoginMutation = graphql(
  `
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password) {
        user {
          ...MeFields
        }
      }
    }
  `,
  [MeFields],
);
const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = ResultOf<typeof MeFields>;

// The last known user, so that a page reloaded with no network (the patrol app, offline in the
// hall) still opens; the server decides again at the next request. Forgotten on logout.
const LAST_ME = 'wfp.me.v1';
const remember = (me: Me | null) =>
  me ? localStorage.setItem(LAST_ME, JSON.stringify(me)) : localStorage.removeItem(LAST_ME);
const lastMe = (): Me | null => {
  try {
    return JSON.parse(localStorage.getItem(LAST_ME) ?? 'null') as Me | null;
  } catch {
    return null;
  }
};

/** The logged-in staff member; null until loaded or when logged out. */
export const useUserStore = defineStore('user', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  /** The session ended while a page that keeps its drafts was open (the patrol): it asks to log in again. */
  const expired = ref(false);

  async function load() {
    try {
      me.value = (await request(MeQuery)).me;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NETWORK')) throw err;
      me.value = lastMe();
    }
    remember(me.value);
    loaded.value = true;
  }

  async function login(username: string, password: string) {
    const data = await request(LoginMutation, { username, password });
    me.value = data.login.user;
    remember(me.value);
    loaded.value = true;
    expired.value = false;
  }

  async function logout() {
    await request(LogoutMutation).catch(() => undefined);
    me.value = null;
    remember(null);
  }

  /** Forget the user locally (the server already ended the session). */
  function clear() {
    me.value = null;
    remember(null);
  }

  const role = computed(() => me.value?.role ?? null);
  /** Whether the user's role has the capability (common/roles.ts); no capability: any staff. */
  const can = (capability?: Capability) => !capability || roleCan(me.value?.role, capability);

  return { me, loaded, expired, role, load, login, logout, clear, can };
});
