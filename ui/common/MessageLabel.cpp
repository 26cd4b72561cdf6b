#include "MessageLabel.h"

MessageLabel::MessageLabel(const QString& objectName, QWidget* parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageLabel::showMessage(const QString& text, bool isError)
{
    setText(text);
    setStyleSheet(isError ? QStringLiteral("color: #c62828;") : QString());
    setVisible(!text.isEmpty());
}

void MessageLabel::showProblems(const QStringList& problems)
{
    QStringList lines;
    for (const QString& problem : problems)
        lines << QStringLiteral("• ") + problem;
    showMessage(lines.join(QLatin1Char('\n')));
}

QString MessageLabel::message() const
{
    return isHidden() ? QString() : text();
}
