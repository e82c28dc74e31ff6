import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import {
  Calendar,
  ChatLineSquare,
  DataAnalysis,
  Document,
  DocumentCopy,
  House,
  List,
  Memo,
  Notebook,
  OfficeBuilding,
  Postcard,
  Setting,
  Tickets,
  Timer,
  User,
  UserFilled,
  Warning,
} from '@element-plus/icons-vue';
import { OBJECT_ID_PARAM } from '@common/ids';
import type { Role } from '../stores/user';
import AdminLayout from '../layout/AdminLayout.vue';
import LoginView from '../pages/login/LoginView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** No login needed (the login page). */
    public?: boolean;
    /** Roles that may open the page; absent = every staff role. */
    roles?: readonly Role[];
    /** i18n key of the page title and menu entry. */
    title?: string;
    /** Menu group (i18n key under `menu.`) and icon; pages without `menu` stay off the menu. */
    menu?: { group?: string; icon: Component };
  }
}

const ALL: readonly Role[] = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'];
const HANDLERS: readonly Role[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];
/** Complaints carry personal data: the center's managers and the liaisons handling them. */
const COMPLAINTS: readonly Role[] = HANDLERS;
const CENTER: readonly Role[] = ['ADMIN', 'MANAGER'];
const RUNNERS: readonly Role[] = ['ADMIN', 'MANAGER', 'INSPECTOR'];
const READERS: readonly Role[] = HANDLERS;

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
  // The inspector's phone pages: full screen, no sidebar.
  {
    path: '/patrol',
    name: 'patrol-home',
    component: () => import('../pages/inspections/patrol/PatrolHome.vue'),
    meta: { title: 'inspections.patrol.title', roles: RUNNERS },
  },
  {
    path: '/patrol/:roundId',
    name: 'patrol',
    component: () => import('../pages/inspections/patrol/PatrolView.vue'),
    meta: { title: 'inspections.patrol.title', roles: RUNNERS },
  },
  // The bulletin on A4 paper: no sidebar, for printing.
  {
    path: `/bulletins/:id(${OBJECT_ID_PARAM})/print`,
    name: 'bulletin-print',
    component: () => import('../pages/bulletins/PrintView.vue'),
    meta: { title: 'menu.bulletinList', roles: READERS },
  },
  {
    path: '/',
    component: AdminLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('../pages/home/HomeView.vue'),
        meta: { title: 'menu.home', menu: { icon: House } },
      },
      {
        path: 'ratings',
        name: 'ratings',
        component: () => import('../pages/ratings/RatingsDashboard.vue'),
        meta: { title: 'menu.ratingsDashboard', roles: ALL, menu: { group: 'ratings', icon: DataAnalysis } },
      },
      {
        path: 'follow-ups',
        name: 'follow-ups',
        component: () => import('../pages/follow-ups/FollowUpsView.vue'),
        meta: { title: 'menu.followUps', roles: HANDLERS, menu: { group: 'ratings', icon: Warning } },
      },
      {
        path: 'ratings/records',
        name: 'rating-records',
        component: () => import('../pages/rating-records/RatingRecordsView.vue'),
        meta: { title: 'menu.ratingRecords', roles: HANDLERS, menu: { group: 'ratings', icon: List } },
      },
      {
        path: 'complaints',
        name: 'complaints',
        component: () => import('../pages/complaints/ComplaintsView.vue'),
        meta: { title: 'menu.complaintInbox', roles: COMPLAINTS, menu: { group: 'complaints', icon: ChatLineSquare } },
      },
      {
        path: 'complaints/dashboard',
        name: 'complaint-dashboard',
        component: () => import('../pages/complaints/DashboardView.vue'),
        meta: {
          title: 'menu.complaintDashboard',
          roles: COMPLAINTS,
          menu: { group: 'complaints', icon: DataAnalysis },
        },
      },
      {
        path: `complaints/:id(${OBJECT_ID_PARAM})`,
        name: 'complaint',
        component: () => import('../pages/complaints/ComplaintDetailView.vue'),
        meta: { title: 'menu.complaintDetail', roles: COMPLAINTS },
      },
      {
        path: 'departments',
        name: 'departments',
        component: () => import('../pages/departments/DepartmentsView.vue'),
        meta: { title: 'menu.departments', roles: ALL, menu: { group: 'registry', icon: OfficeBuilding } },
      },
      {
        path: 'windows',
        name: 'windows',
        component: () => import('../pages/windows/WindowsView.vue'),
        meta: { title: 'menu.windows', roles: ALL, menu: { group: 'registry', icon: Postcard } },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('../pages/staff/StaffView.vue'),
        meta: { title: 'menu.staff', roles: ALL, menu: { group: 'registry', icon: User } },
      },
      {
        path: 'service-items',
        name: 'service-items',
        component: () => import('../pages/service-items/ServiceItemsView.vue'),
        meta: { title: 'menu.serviceItems', roles: ALL, menu: { group: 'registry', icon: Tickets } },
      },
      {
        path: 'roster',
        name: 'roster',
        component: () => import('../pages/roster/RosterView.vue'),
        meta: { title: 'menu.roster', roles: ALL, menu: { group: 'registry', icon: Timer } },
      },
      {
        path: 'settings/ratings',
        name: 'rating-settings',
        component: () => import('../pages/settings/RatingSettingsView.vue'),
        meta: { title: 'menu.ratingSettings', roles: ['ADMIN', 'MANAGER'], menu: { group: 'system', icon: Setting } },
      },
      {
        path: 'settings/calendar',
        name: 'calendar',
        component: () => import('../pages/settings/CalendarView.vue'),
        meta: { title: 'menu.calendar', roles: ['ADMIN', 'MANAGER'], menu: { group: 'system', icon: Calendar } },
      },
      {
        path: 'inspections/rounds',
        name: 'rounds',
        component: () => import('../pages/inspections/rounds/RoundsView.vue'),
        meta: { title: 'menu.rounds', roles: RUNNERS, menu: { group: 'inspections', icon: Calendar } },
      },
      {
        path: 'inspections/violations',
        name: 'violations',
        component: () => import('../pages/inspections/violations/ViolationsView.vue'),
        meta: { title: 'menu.violations', roles: ALL, menu: { group: 'inspections', icon: Warning } },
      },
      {
        path: 'notices',
        name: 'notices',
        component: () => import('../pages/notices/NoticesView.vue'),
        meta: { title: 'menu.notices', roles: READERS, menu: { group: 'inspections', icon: Memo } },
      },
      {
        path: 'notices/:id',
        name: 'notice',
        component: () => import('../pages/notices/NoticeView.vue'),
        meta: { title: 'menu.notices', roles: READERS },
      },
      {
        path: 'inspections/attendance',
        name: 'attendance',
        component: () => import('../pages/inspections/attendance/AttendanceView.vue'),
        meta: { title: 'menu.attendance', roles: READERS, menu: { group: 'inspections', icon: DataAnalysis } },
      },
      {
        path: 'inspections/checklist',
        name: 'checklist',
        component: () => import('../pages/inspections/checklist/ChecklistView.vue'),
        meta: { title: 'menu.checklist', roles: CENTER, menu: { group: 'inspections', icon: List } },
      },
      {
        path: 'bulletins',
        name: 'bulletins',
        component: () => import('../pages/bulletins/BulletinsView.vue'),
        meta: { title: 'menu.bulletinList', roles: READERS, menu: { group: 'bulletins', icon: Notebook } },
      },
      {
        path: `bulletins/:id(${OBJECT_ID_PARAM})`,
        name: 'bulletin',
        component: () => import('../pages/bulletins/BulletinView.vue'),
        meta: { title: 'menu.bulletinList', roles: READERS },
      },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('../pages/cases/CasesView.vue'),
        meta: { title: 'menu.cases', roles: READERS, menu: { group: 'bulletins', icon: DocumentCopy } },
      },
      {
        path: 'accounts',
        name: 'accounts',
        component: () => import('../pages/accounts/AccountsView.vue'),
        meta: { title: 'menu.accounts', roles: ['ADMIN'], menu: { group: 'system', icon: UserFilled } },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('../pages/audit/AuditView.vue'),
        meta: { title: 'menu.audit', roles: ['ADMIN'], menu: { group: 'system', icon: Document } },
      },
      {
        path: ':rest(.*)*',
        name: 'not-found',
        component: () => import('../pages/home/NotFoundView.vue'),
        meta: { title: 'msg.notFound' },
      },
    ],
  },
];
