import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import {
  Calendar,
  ChatLineSquare,
  Connection,
  DataAnalysis,
  Document,
  DocumentCopy,
  House,
  List,
  Memo,
  Monitor,
  Notebook,
  PieChart,
  OfficeBuilding,
  Postcard,
  Setting,
  Tickets,
  Timer,
  Upload,
  User,
  UserFilled,
  Warning,
} from '@element-plus/icons-vue';
import { OBJECT_ID_PARAM } from '@common/ids';
import type { Capability } from '@common/roles';
import AdminLayout from '../layout/AdminLayout.vue';
import LoginView from '../pages/login/LoginView.vue';
import { useUserStore } from '../stores/user';

declare module 'vue-router' {
  interface RouteMeta {
    /** No login needed (the login page). */
    public?: boolean;
    /** The capability needed to open the page (common/roles.ts); absent = any staff member. */
    can?: Capability;
    /** i18n key of the page title and menu entry. */
    title?: string;
    /** A 401 shows a re-login sheet over the page (which keeps its drafts) instead of the login page. */
    keepOnExpiry?: boolean;
    /** Menu group (i18n key under `menu.`) and icon; pages without `menu` stay off the menu. */
    menu?: { group?: string; icon: Component };
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: 'login.title' } },
  // The inspector's phone pages: full screen, no sidebar.
  {
    path: '/patrol',
    name: 'patrol-home',
    component: () => import('../pages/inspections/patrol/PatrolHome.vue'),
    meta: { title: 'inspections.patrol.title', can: 'runPatrols' },
  },
  {
    path: '/patrol/:roundId',
    name: 'patrol',
    component: () => import('../pages/inspections/patrol/PatrolView.vue'),
    meta: { title: 'inspections.patrol.title', can: 'runPatrols', keepOnExpiry: true },
  },
  // The bulletin on A4 paper: no sidebar, for printing.
  {
    path: `/bulletins/:id(${OBJECT_ID_PARAM})/print`,
    name: 'bulletin-print',
    component: () => import('../pages/bulletins/PrintView.vue'),
    meta: { title: 'menu.bulletinList', can: 'readBulletins' },
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
        // An inspector logs in on a phone: the desktop home with its sidebar is no place to start.
        beforeEnter: () => (useUserStore().can('patrolFirst') ? { name: 'patrol-home' } : true),
      },
      {
        path: 'ratings',
        name: 'ratings',
        component: () => import('../pages/ratings/RatingsDashboard.vue'),
        meta: {
          title: 'menu.ratingsDashboard',
          can: 'viewRatingStats',
          menu: { group: 'ratings', icon: DataAnalysis },
        },
      },
      {
        path: 'follow-ups',
        name: 'follow-ups',
        component: () => import('../pages/follow-ups/FollowUpsView.vue'),
        meta: { title: 'menu.followUps', can: 'workFollowUps', menu: { group: 'ratings', icon: Warning } },
      },
      {
        path: 'ratings/records',
        name: 'rating-records',
        component: () => import('../pages/rating-records/RatingRecordsView.vue'),
        meta: { title: 'menu.ratingRecords', can: 'readRatings', menu: { group: 'ratings', icon: List } },
      },
      {
        path: 'complaints',
        name: 'complaints',
        component: () => import('../pages/complaints/ComplaintsView.vue'),
        meta: {
          title: 'menu.complaintInbox',
          can: 'handleComplaints',
          menu: { group: 'complaints', icon: ChatLineSquare },
        },
      },
      {
        path: 'complaints/dashboard',
        name: 'complaint-dashboard',
        component: () => import('../pages/complaints/DashboardView.vue'),
        meta: {
          title: 'menu.complaintDashboard',
          can: 'handleComplaints',
          menu: { group: 'complaints', icon: DataAnalysis },
        },
      },
      {
        path: `complaints/:id(${OBJECT_ID_PARAM})`,
        name: 'complaint',
        component: () => import('../pages/complaints/ComplaintDetailView.vue'),
        meta: { title: 'menu.complaintDetail', can: 'handleComplaints' },
      },
      {
        path: 'departments',
        name: 'departments',
        component: () => import('../pages/departments/DepartmentsView.vue'),
        meta: { title: 'menu.departments', can: 'viewRegistry', menu: { group: 'registry', icon: OfficeBuilding } },
      },
      {
        path: 'windows',
        name: 'windows',
        component: () => import('../pages/windows/WindowsView.vue'),
        meta: { title: 'menu.windows', can: 'viewRegistry', menu: { group: 'registry', icon: Postcard } },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('../pages/staff/StaffView.vue'),
        meta: { title: 'menu.staff', can: 'viewRegistry', menu: { group: 'registry', icon: User } },
      },
      {
        path: 'service-items',
        name: 'service-items',
        component: () => import('../pages/service-items/ServiceItemsView.vue'),
        meta: { title: 'menu.serviceItems', can: 'viewRegistry', menu: { group: 'registry', icon: Tickets } },
      },
      {
        path: 'roster',
        name: 'roster',
        component: () => import('../pages/roster/RosterView.vue'),
        meta: { title: 'menu.roster', can: 'viewRegistry', menu: { group: 'registry', icon: Timer } },
      },
      {
        path: 'settings/ratings',
        name: 'rating-settings',
        component: () => import('../pages/settings/RatingSettingsView.vue'),
        meta: { title: 'menu.ratingSettings', can: 'seeSettingsPages', menu: { group: 'system', icon: Setting } },
      },
      {
        path: 'province-feed',
        name: 'province-feed',
        component: () => import('../pages/province-feed/ProvinceFeedView.vue'),
        meta: { title: 'menu.provinceFeed', can: 'viewProvinceFeed', menu: { group: 'system', icon: Upload } },
      },
      {
        path: 'settings/calendar',
        name: 'calendar',
        component: () => import('../pages/settings/CalendarView.vue'),
        meta: { title: 'menu.calendar', can: 'seeSettingsPages', menu: { group: 'system', icon: Calendar } },
      },
      {
        path: 'inspections/rounds',
        name: 'rounds',
        component: () => import('../pages/inspections/rounds/RoundsView.vue'),
        meta: { title: 'menu.rounds', can: 'runPatrols', menu: { group: 'inspections', icon: Calendar } },
      },
      {
        path: `inspections/rounds/:id(${OBJECT_ID_PARAM})`,
        name: 'round-report',
        component: () => import('../pages/inspections/report/RoundReportView.vue'),
        meta: { title: 'inspections.report.title', can: 'runPatrols' },
      },
      {
        path: 'inspections/violations',
        name: 'violations',
        component: () => import('../pages/inspections/violations/ViolationsView.vue'),
        meta: { title: 'menu.violations', can: 'viewViolations', menu: { group: 'inspections', icon: Warning } },
      },
      {
        path: 'inspections/analytics',
        name: 'patrol-analytics',
        component: () => import('../pages/inspections/analytics/PatrolAnalyticsView.vue'),
        meta: { title: 'menu.patrolStats', can: 'viewViolations', menu: { group: 'inspections', icon: DataAnalysis } },
      },
      {
        path: 'notices',
        name: 'notices',
        component: () => import('../pages/notices/NoticesView.vue'),
        meta: { title: 'menu.notices', can: 'readNotices', menu: { group: 'inspections', icon: Memo } },
      },
      {
        path: 'notices/:id',
        name: 'notice',
        component: () => import('../pages/notices/NoticeView.vue'),
        meta: { title: 'menu.notices', can: 'readNotices' },
      },
      {
        path: 'inspections/attendance',
        name: 'attendance',
        component: () => import('../pages/inspections/attendance/AttendanceView.vue'),
        meta: { title: 'menu.attendance', can: 'viewAttendance', menu: { group: 'inspections', icon: DataAnalysis } },
      },
      {
        path: 'inspections/checklist',
        name: 'checklist',
        component: () => import('../pages/inspections/checklist/ChecklistView.vue'),
        meta: { title: 'menu.checklist', can: 'editPatrolRules', menu: { group: 'inspections', icon: List } },
      },
      {
        path: 'bulletins',
        name: 'bulletins',
        component: () => import('../pages/bulletins/BulletinsView.vue'),
        meta: { title: 'menu.bulletinList', can: 'readBulletins', menu: { group: 'bulletins', icon: Notebook } },
      },
      {
        path: `bulletins/:id(${OBJECT_ID_PARAM})`,
        name: 'bulletin',
        component: () => import('../pages/bulletins/BulletinView.vue'),
        meta: { title: 'menu.bulletinList', can: 'readBulletins' },
      },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('../pages/cases/CasesView.vue'),
        meta: { title: 'menu.cases', can: 'readCases', menu: { group: 'bulletins', icon: DocumentCopy } },
      },
      {
        path: 'integrations',
        name: 'integrations',
        component: () => import('../pages/integrations/IntegrationsView.vue'),
        meta: { title: 'menu.integrations', can: 'manageIntegrations', menu: { group: 'system', icon: Connection } },
      },
      {
        path: 'ratings/participation',
        name: 'participation',
        component: () => import('../pages/participation/ParticipationView.vue'),
        meta: { title: 'menu.participation', can: 'readRatings', menu: { group: 'ratings', icon: PieChart } },
      },
      {
        path: 'accounts',
        name: 'accounts',
        component: () => import('../pages/accounts/AccountsView.vue'),
        meta: { title: 'menu.accounts', can: 'manageAccounts', menu: { group: 'system', icon: UserFilled } },
      },
      {
        path: 'devices',
        name: 'devices',
        component: () => import('../pages/devices/DevicesView.vue'),
        meta: { title: 'menu.devices', can: 'manageDevices', menu: { group: 'system', icon: Monitor } },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('../pages/audit/AuditView.vue'),
        meta: { title: 'menu.audit', can: 'readAuditLog', menu: { group: 'system', icon: Document } },
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
