export default definePageConfig({ navigationBarTitleText: '为谁预约' });
