export default definePageConfig({ navigationBarTitleText: '家人关联' });
