import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

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
export type Role = Me['role'];

/** The logged-in staff member; null until loaded or when logged out. */
export const useUserStore = defineStore('user', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  async function load() {
    const data = await request(MeQuery);
    me.value = data.me;
    loaded.value = true;
  }

  async function login(username: string, password: string) {
    const data = await request(LoginMutation, { username, password });
    me.value = data.login.user;
    loaded.value = true;
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
  const can = (roles?: readonly Role[]) => !roles || (!!me.value && roles.includes(me.value.role));

  return { me, loaded, role, load, login, logout, clear, can };
});
