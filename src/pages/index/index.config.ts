export default definePageConfig({ navigationBarTitleText: '安心上门', enablePullDownRefresh: true });
