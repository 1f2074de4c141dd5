export default defineAppConfig({
  // The main package holds only what everyone opens first; features load as sub-packages.
  pages: ['pages/index/index', 'pages/login/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'booking',
      pages: [
        'pages/who/index', 'pages/type/index', 'pages/address/index', 'pages/time/index', 'pages/confirm/index', 'pages/escort/index',
        'pages/department/index', 'pages/needs/index', 'pages/new-address/index',
      ],
    },
    { root: 'visit', pages: ['pages/detail/index', 'pages/list/index', 'pages/cancel/index', 'pages/reschedule/index', 'pages/rate/index', 'pages/complaint/index'] },
    { root: 'staff', pages: ['pages/tasks/index', 'pages/task/index', 'pages/signature/index', 'pages/availability/index', 'pages/join/index'] },
    { root: 'family', pages: ['pages/list/index', 'pages/invite/index', 'pages/consent/index', 'pages/link/index'] },
    // The dispatch console: dispatchers at a desk (H5); never preloaded for customers or staff.
    { root: 'dispatch', pages: ['pages/console/index', 'pages/booking/index', 'pages/staff/index', 'pages/new-staff/index'] },
    // 我的消息: everyone's message centre (elders, family, staff); WeChat messages open it.
    { root: 'messages', pages: ['pages/list/index'] },
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
  // Choosing a new address on the map: declared here, and the privacy guide is agreed to first
  // (always on since 2023-09-15; the flag keeps older base libraries asking too).
  // Staff on their way to a visit share their location (foreground updates only), so the
  // customer sees an estimated arrival.
  requiredPrivateInfos: ['chooseLocation', 'startLocationUpdate', 'onLocationChange'],
  permission: { 'scope.userLocation': { desc: '出发去上门时，用您的位置估算大约几点到，只告诉客户到达时间' } },
  __usePrivacyCheck__: true,
});
