import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';
import { DocumentLayoutFields } from '../../components/document/layout';

const Row = graphql(`
  fragment BulletinRowFields on BulletinRow {
    level
    id
    departmentId
    departmentName
    departmentShort
    windowCode
    windowName
    staffName
    staffNo
    ratings
    good
    bad
    goodRate
    followUps
    followUpsClosed
    followUpsResolved
    followUpsUnresolved
    followUpsLate
    closureRate
    complaints
    upheld
    replyOnTimeRate
    violations
    points
    observations
    attendanceRate
    accepted
    completed
    completionRate
    caseOnTimeRate
    parts {
      ratings
      attendance
      inspections
      complaints
      cases
    }
    base
    bonus
    score
    grade
    rank
    previousScore
    previousRank
    rankChange
    bottom
    escalated
    smileStar
  }
`);

const Page = graphql(`
  query BulletinPage($status: BulletinStatus, $page: Int!, $pageSize: Int!) {
    bulletinPage(status: $status, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        number
        title
        status
        generatedAt
        publishedAt
        period {
          key
          label
        }
        receipts {
          acknowledgedAt
        }
      }
    }
  }
`);

const Detail = graphql(
  `
    query Bulletin($id: ID!) {
      bulletin(id: $id) {
        id
        number
        title
        commentary
        status
        generatedAt
        submittedAt
        publishedAt
        returnedReason
        pdfUrl
        starMax
        bottomN
        period {
          kind
          key
          label
          from
          to
        }
        previousPeriod {
          key
          label
        }
        center {
          ratings
          good
          bad
          goodRate
          followUps
          followUpsClosed
          followUpsResolved
          followUpsUnresolved
          closureRate
          complaints
          upheld
          replyOnTimeRate
          violations
          points
          attendanceRate
          accepted
          completed
          completionRate
          caseOnTimeRate
          previousGoodRate
        }
        departmentGrades {
          PASS
          BASIC_PASS
          FAIL
        }
        windowGrades {
          PASS
          BASIC_PASS
          FAIL
        }
        departments {
          ...BulletinRowFields
        }
        windows {
          ...BulletinRowFields
        }
        staff {
          ...BulletinRowFields
        }
        smileStars {
          ...BulletinRowFields
        }
        candidates {
          staffId
          staffName
          staffNo
          departmentName
          ratings
          bad
          goodRate
          picked
        }
        trend {
          month
          ratings
          good
          bad
          goodRate
        }
        receipts {
          departmentId
          departmentName
          acknowledgedAt
          acknowledgedByName
        }
      }
    }
  `,
  [Row],
);

const Part = graphql(
  `
    query BulletinPart($id: ID!, $departmentId: ID!) {
      bulletinPart(id: $id, departmentId: $departmentId) {
        pdfUrl
        rankedDepartments
        department {
          ...BulletinRowFields
        }
        windows {
          ...BulletinRowFields
        }
        staff {
          ...BulletinRowFields
        }
        smileStars {
          ...BulletinRowFields
        }
        trend {
          month
          ratings
          good
          bad
          goodRate
        }
        receipt {
          acknowledgedAt
          acknowledgedByName
        }
      }
    }
  `,
  [Row],
);

const Print = graphql(
  `
    query BulletinLayout($id: ID!, $departmentId: ID) {
      bulletin(id: $id) {
        layout(departmentId: $departmentId) {
          ...DocumentLayoutFields
        }
      }
    }
  `,
  [DocumentLayoutFields],
);

const Generate = graphql(`
  mutation GenerateBulletin($period: PeriodInput!) {
    generateBulletin(period: $period) {
      id
    }
  }
`);
const Regenerate = graphql(`
  mutation RegenerateBulletin($id: ID!) {
    regenerateBulletin(id: $id) {
      id
    }
  }
`);
const Text = graphql(`
  mutation UpdateBulletinText($id: ID!, $input: BulletinTextInput!) {
    updateBulletinText(id: $id, input: $input) {
      id
    }
  }
`);
const Pick = graphql(`
  mutation PickSmileStars($id: ID!, $staffIds: [ID!]!) {
    pickSmileStars(id: $id, staffIds: $staffIds) {
      id
    }
  }
`);
const Submit = graphql(`
  mutation SubmitBulletin($id: ID!) {
    submitBulletin(id: $id) {
      id
    }
  }
`);
const Return = graphql(`
  mutation ReturnBulletin($id: ID!, $reason: String!) {
    returnBulletin(id: $id, reason: $reason) {
      id
    }
  }
`);
const Publish = graphql(`
  mutation PublishBulletin($id: ID!) {
    publishBulletin(id: $id) {
      id
    }
  }
`);
const Delete = graphql(`
  mutation DeleteBulletin($id: ID!) {
    deleteBulletin(id: $id)
  }
`);
const Ack = graphql(`
  mutation AcknowledgeBulletin($id: ID!) {
    acknowledgeBulletin(id: $id) {
      id
    }
  }
`);

export type BulletinListRow = ResultOf<typeof Page>['bulletinPage']['items'][number];
export type BulletinFilters = Omit<VariablesOf<typeof Page>, 'page' | 'pageSize'>;
export type BulletinDoc = ResultOf<typeof Detail>['bulletin'];
export type BulletinPart = ResultOf<typeof Part>['bulletinPart'];
export type Row = ResultOf<typeof Row>;
export type Status = BulletinDoc['status'];
export type PeriodInput = VariablesOf<typeof Generate>['period'];

export const pageBulletins = (f: BulletinFilters, page: number, pageSize: number) =>
  request(Page, { ...f, page, pageSize }).then((d) => d.bulletinPage);
export const loadBulletin = (id: string) => request(Detail, { id }).then((d) => d.bulletin);
export const loadPart = (id: string, departmentId: string) =>
  request(Part, { id, departmentId }).then((d) => d.bulletinPart);
/** The bulletin as printed (its PDF's layout): whole, or one department's part; a liaison always gets its own. */
export const loadLayout = (id: string, departmentId: string | null) =>
  request(Print, { id, departmentId }).then((d) => d.bulletin.layout);
export const generateBulletin = (period: PeriodInput) =>
  request(Generate, { period }).then((d) => d.generateBulletin.id);
export const regenerate = (id: string) => request(Regenerate, { id });
export const updateText = (id: string, input: VariablesOf<typeof Text>['input']) => request(Text, { id, input });
export const pickStars = (id: string, staffIds: string[]) => request(Pick, { id, staffIds });
export const submit = (id: string) => request(Submit, { id });
export const returnToDraft = (id: string, reason: string) => request(Return, { id, reason });
export const publish = (id: string) => request(Publish, { id });
export const remove = (id: string) => request(Delete, { id });
export const acknowledge = (id: string) => request(Ack, { id });

export const STATUS_TYPE: Record<Status, 'info' | 'warning' | 'success'> = {
  DRAFT: 'info',
  IN_REVIEW: 'warning',
  PUBLISHED: 'success',
};
export const GRADE_TYPE = { PASS: 'success', BASIC_PASS: 'warning', FAIL: 'danger' } as const;

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
export const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
