export default definePageConfig({ navigationBarTitleText: '接送和行动' });
