export default definePageConfig({ navigationBarTitleText: '预约详情（调度）', enablePullDownRefresh: true });
