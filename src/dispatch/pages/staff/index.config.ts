export default definePageConfig({ navigationBarTitleText: '服务人员名单', enablePullDownRefresh: true });
