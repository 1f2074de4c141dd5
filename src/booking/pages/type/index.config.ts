export default definePageConfig({ navigationBarTitleText: '选择理赔类型' });
