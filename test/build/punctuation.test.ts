/**
 * The Chinese punctuation fixer (`npm run import`, `npm run check -- --fix`) and the check that names what it would
 * fix, over a corpus of SYNTHETIC mixed sentences written for this test in the style of a university's news (not
 * copied from any): every half-width mark beside Chinese made full-width, quotes paired, and nothing changed inside
 * numbers, URLs, e-mail addresses, code, English phrases or English text.
 */
import { describe, expect, it } from 'vitest';
import { halfWidthPunctuation } from '../../src/build/article';
import { fixChineseLine } from '../../src/build/punctuation';

const CORPUS: [string, string][] = [
  // Full stops, commas, colons, semicolons, exclamation and question marks.
  ['晚会在体育馆举行.来自30个国家的学生参加了晚会.', '晚会在体育馆举行。来自30个国家的学生参加了晚会。'],
  ['12月31日晚,新年晚会在学校体育馆举行', '12月31日晚，新年晚会在学校体育馆举行'],
  ['活动分为三个部分:开幕式、文艺表演和抽奖', '活动分为三个部分：开幕式、文艺表演和抽奖'],
  ['上午参观校园;下午参加座谈', '上午参观校园；下午参加座谈'],
  ['太精彩了!', '太精彩了！'],
  ['你准备好了吗?', '你准备好了吗？'],
  ['他说, 这是他第一次在中国过新年.', '他说，这是他第一次在中国过新年。'],
  ['同学们纷纷表示:收获很大!', '同学们纷纷表示：收获很大！'],
  // Quotes: paired, Chinese words in them take “…”; a sentence's marks around them too.
  ['她表示:"希望明年还能参加这样的活动."', '她表示：“希望明年还能参加这样的活动。”'],
  ['"留学哈工大"项目正式启动', '“留学哈工大”项目正式启动'],
  ['学生们说"很开心",老师说"很满意".', '学生们说“很开心”，老师说“很满意”。'],
  ["他称之为'第二故乡'", '他称之为‘第二故乡’'],
  ['主题为"冰雪之约"的活动', '主题为“冰雪之约”的活动'],
  // English phrases quoted or named inside Chinese keep their own punctuation.
  ['学院与"OpenAtom Foundation"签署协议', '学院与"OpenAtom Foundation"签署协议'],
  ['他唱了一首"Hello, World!"作为开场', '他唱了一首"Hello, World!"作为开场'],
  ["OpenAtom's 代表参加了会议", "OpenAtom's 代表参加了会议"],
  ['学院访问了OpenAtom Foundation,双方进行了交流', '学院访问了OpenAtom Foundation，双方进行了交流'],
  ['来自Harbin Institute of Technology.', '来自Harbin Institute of Technology。'],
  // Parentheses, whole pairs.
  ['开放原子开源基金会(OpenAtom Foundation)成立于2020年', '开放原子开源基金会（OpenAtom Foundation）成立于2020年'],
  ['(王丽/文)', '（王丽/文）'],
  ['(摄影:张明)', '（摄影：张明）'],
  ['哈尔滨工业大学(哈工大)', '哈尔滨工业大学（哈工大）'],
  // Ellipses and tildes.
  ['希望...冬天', '希望……冬天'],
  ['节目有唱歌、跳舞、朗诵...', '节目有唱歌、跳舞、朗诵……'],
  ['活动持续3~5天', '活动持续3～5天'],
  ['温度在零下20~零下30度之间', '温度在零下20～零下30度之间'],
  ['大家好~', '大家好～'],
  // Numbers keep their marks: decimals, thousands, times, versions, scores.
  ['共有1,000名学生参加', '共有1,000名学生参加'],
  ['平均成绩为3.5分', '平均成绩为3.5分'],
  ['晚会于19:30开始', '晚会于19:30开始'],
  ['比分为3:2,中国队获胜', '比分为3:2，中国队获胜'],
  ['使用Python 3.12版本', '使用Python 3.12版本'],
  // URLs, e-mail addresses, code, character references: untouched.
  ['详情请访问https://cie.hit.edu.cn/news?id=1,2.', '详情请访问https://cie.hit.edu.cn/news?id=1,2。'],
  ['报名请发邮件至cie.office@hit.edu.cn,谢谢!', '报名请发邮件至cie.office@hit.edu.cn，谢谢！'],
  ['联系邮箱:cie.office@hit.edu.cn.', '联系邮箱：cie.office@hit.edu.cn。'],
  ['议程如下:1.开幕式 2.表演', '议程如下：1.开幕式 2.表演'],
  ['运行`npm run check -- --fix`即可,无需手动修改', '运行`npm run check -- --fix`即可，无需手动修改'],
  ['网址为www.hit.edu.cn,欢迎访问', '网址为www.hit.edu.cn，欢迎访问'],
  ['作者&amp;编辑部', '作者&amp;编辑部'],
  ['链接请写完整地址(https://...).', '链接请写完整地址（https://...）。'],
  ['参见[学院网站](https://cie.hit.edu.cn/a,b.html).', '参见[学院网站](https://cie.hit.edu.cn/a,b.html)。'],
  // Abbreviations and English sentences stay English.
  ['Dr. Smith 和 Prof. Li 出席了会议', 'Dr. Smith 和 Prof. Li 出席了会议'],
  ['The gala was held on Dec. 31, 2026.', 'The gala was held on Dec. 31, 2026.'],
  ['"Welcome to HIT!" she said.', '"Welcome to HIT!" she said.'],
  ['e.g. 哈工大', 'e.g. 哈工大'],
  // Already full-width: unchanged.
  ['晚会在体育馆举行。来自30个国家的学生参加了晚会！', '晚会在体育馆举行。来自30个国家的学生参加了晚会！'],
  ['她说：“希望……冬天。”', '她说：“希望……冬天。”'],
];

describe('the Chinese punctuation fixer, over a corpus of mixed sentences', () => {
  it(`has ${CORPUS.length} sentences, at least 40`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)('%s -> %s', (before, after) => {
    expect(fixChineseLine(before)).toBe(after);
    // Fixed once, there is nothing more to fix: the check passes what the fix made.
    expect(fixChineseLine(after)).toBe(after);
    expect(halfWidthPunctuation(after)).toBeUndefined();
  });

  it.each(CORPUS.filter(([before, after]) => before !== after))('the check names the first mark the fix changes in %s', (before) => {
    const problem = halfWidthPunctuation(before) ?? '';
    expect(problem).toMatch(/^uses the half-width "(.|\.\.\.)" in Chinese text \(".*"\); write the full-width "(.|……)"$/u);
  });

  it('names the mark and its fix in one line', () => {
    expect(halfWidthPunctuation('晚会在体育馆举行.来自30个国家')).toBe(
      'uses the half-width "." in Chinese text ("育馆举行.来自30"); write the full-width "。"',
    );
    expect(halfWidthPunctuation('希望...冬天')).toBe(
      'uses the half-width "..." in Chinese text ("希望...冬天"); write the full-width "……"',
    );
    expect(halfWidthPunctuation('"留学哈工大"项目')).toBe(
      'uses the half-width """ in Chinese text (""留学哈工"); write the full-width "“"',
    );
  });
});
