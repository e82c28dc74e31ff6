import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/graphql/client';
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

/** The logged-in staff member; null until loaded or when logged out. */
export const useUserStore = defineStore('user', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  /** The session ended while a page that keeps its drafts was open (the patrol): it asks to log in again. */
  const expired = ref(false);

  async function load() {
    const data = await request(MeQuery);
    me.value = data.me;
    loaded.value = true;
  }

  async function login(username: string, password: string) {
    const data = await request(LoginMutation, { username, password });
    me.value = data.login.user;
    loaded.value = true;
    expired.value = false;
  }

  async function logout() {
    await request(LogoutMutation).catch(() => undefined);
    me.value = null;
  }

  /** Forget the user locally (the server already ended the session). */
  function clear() {
    me.value = null;
  }

  const role = computed(() => me.value?.role ?? null);
  /** Whether the user's role has the capability (common/roles.ts); no capability: any staff. */
  const can = (capability?: Capability) => !capability || roleCan(me.value?.role, capability);

  return { me, loaded, expired, role, load, login, logout, clear, can };
});
