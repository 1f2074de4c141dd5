export default definePageConfig({ navigationBarTitleText: '改个时间', enablePullDownRefresh: true });
