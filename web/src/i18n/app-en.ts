import type { nlApp } from './app';

/**
 * English texts of the app's frame: its name, the navigation, the pages still to come and the login. Loaded
 * with the English language (english.ts), not in the first load.
 */
export const enApp: typeof nlApp = {
  app: {
    name: 'Regie',
    tagline: 'Agreements and commissioning',
    skipLink: 'Skip to content',
    mainNav: 'Main navigation',
    userMenu: 'User',
    logout: 'Log out',
    language: 'Language',
    pageTitle: '{{page}} · Regie',
    loading: 'Loading…',
    retry: 'Try again',
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist. Check the address or go to the agreement register.',
    toRegister: 'To the agreement register',
    meError: 'Your details could not be loaded.',
  },
  nav: {
    register: 'Agreement register',
    deliver: 'To deliver',
    steering: 'Steering',
    signing: 'Signing',
    deadlines: 'Deadlines',
    subsidies: 'Subsidy regulations',
    regions: 'Regions',
    organisations: 'Organisations',
    admin: 'Administration',
    people: 'People',
    paragraph: 'Associated parties',
  },
  comingSoon: {
    text: 'This part is coming.',
    signing: 'This will hold the agreements waiting for your signature.',
    deadlines:
      'This will hold the deadlines: notice periods, renewals, reports and the planning & control calendar.',
    admin: 'This will hold the users, roles, mandate thresholds and settings of your organisation.',
  },
  login: {
    title: 'Log in',
    intro: 'Choose a test user. This way of logging in exists only in the local development environment.',
    usersLabel: 'Test users',
    loading: 'Loading test users…',
    unavailableTitle: 'Development login is not available',
    unavailable: 'This server does not offer logging in as a test user.',
    organisationLogin: 'Logging in with your organisation’s account is coming; it is not possible here yet.',
    unreachable: 'The server cannot be reached. Please try again later.',
    signingIn: 'Logging in as {{name}}…',
    failed: 'Logging in failed. Please try again.',
    sessionExpired: 'Your session has expired. Please log in again.',
    loggedOut: 'You have logged out.',
  },
};
