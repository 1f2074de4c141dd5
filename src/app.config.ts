export default defineAppConfig({
  // The main package holds only what everyone opens first; features load as sub-packages.
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'booking',
      pages: ['pages/who/index', 'pages/type/index', 'pages/address/index', 'pages/time/index', 'pages/confirm/index', 'pages/escort/index'],
    },
    { root: 'visit', pages: ['pages/detail/index', 'pages/list/index'] },
    { root: 'staff', pages: ['pages/tasks/index'] },
  ],
  // Weak signal at home: fetch the likely next packages while the person reads the home page.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['booking', 'visit'] },
    'pages/login/index': { network: 'all', packages: ['staff'] },
  },
  window: {
    navigationBarTitleText: '安心上门',
    navigationBarBackgroundColor: '#0a4a8f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f4f6',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
});
