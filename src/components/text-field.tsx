import { Input, Text, View } from '@tarojs/components';

export interface TextFieldProps {
  /** The question above the box, shown to everyone ("详细地址（路名、门牌号…）："). */
  label: string;
  /** What a screen reader says for the box. */
  spokenName: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  /** The keyboard's action key: 完成, or 搜索 for a search box. */
  confirmType?: 'done' | 'search';
  /** For scrolling to the field. */
  id?: string;
}

/**
 * A labelled one-line text box in elder sizes. Typing is the hardest thing we ask of an elderly
 * person (at most 3 typed fields a booking), so every typed field looks and behaves the same.
 */
export function TextField({ label, spokenName, value, onChange, maxLength, placeholder, confirmType = 'done', id }: TextFieldProps) {
  return (
    <View id={id} className='section'>
      <Text className='field-label'>{label}</Text>
      <Input
        className='input'
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        placeholderClass='input__placeholder'
        confirmType={confirmType}
        onInput={(e) => onChange(e.detail.value)}
        ariaLabel={spokenName}
        // On H5 the box is a web component around a real <input>: only nativeProps reach that input,
        // so this is what gives it its spoken name (WeChat reads ariaLabel; it ignores nativeProps).
        nativeProps={{ 'aria-label': spokenName }}
      />
    </View>
  );
}
