export default definePageConfig({ navigationBarTitleText: '取消预约' });
