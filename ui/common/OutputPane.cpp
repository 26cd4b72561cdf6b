#include "OutputPane.h"

#include <QFontDatabase>
#include <QPlainTextEdit>

namespace OutputPane {

void setUp(QPlainTextEdit* output)
{
    constexpr int maxBlocks = 100000;
    output->setReadOnly(true);
    output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    output->setMaximumBlockCount(maxBlocks);
    output->setLineWrapMode(QPlainTextEdit::NoWrap);
}

} // namespace OutputPane
