export default definePageConfig({ navigationBarTitleText: '上门地址', enablePullDownRefresh: true });
