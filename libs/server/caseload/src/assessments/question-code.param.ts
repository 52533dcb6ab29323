import { invalidField } from '@dspt/domain';
import { Param, type PipeTransform } from '@nestjs/common';
import { QUESTION_CODE } from './assessments.dto';

class ParseQuestionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!QUESTION_CODE.test(value)) {
      throw invalidField('code', 'code must be a question code such as 4.1.1');
    }
    return value;
  }
}

/** The `{code}` path parameter: a DSPT evidence item code, or 400 naming it. */
export const QuestionCodeParam = (): ParameterDecorator => Param('code', new ParseQuestionCodePipe());
