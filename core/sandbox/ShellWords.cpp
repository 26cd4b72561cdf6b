#include "ShellWords.h"

#include <QCoreApplication>

namespace ShellWords {

QStringList split(const QString& text, QString* error)
{
    enum class Quote
    {
        None,
        Single,
        Double
    };
    QStringList words;
    QString word;
    bool inWord = false;
    Quote quote = Quote::None;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                word += c;
            break;
        case Quote::Double:
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == QLatin1Char('\\') && i + 1 < text.size() &&
                       QStringLiteral("$`\"\\\n").contains(text.at(i + 1))) {
                if (text.at(++i) != QLatin1Char('\n'))
                    word += text.at(i);
            } else {
                word += c;
            }
            break;
        case Quote::None:
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
                if (inWord)
                    words << word;
                word.clear();
                inWord = false;
            } else if (c == QLatin1Char('\'')) {
                quote = Quote::Single;
                inWord = true;
            } else if (c == QLatin1Char('"')) {
                quote = Quote::Double;
                inWord = true;
            } else if (c == QLatin1Char('\\')) {
                if (i + 1 == text.size()) {
                    if (error)
                        *error = QCoreApplication::translate(
                            "ShellWords", "The command ends in a backslash with nothing after it.");
                    return {};
                }
                // A backslash before a newline joins the lines, as in a shell.
                if (text.at(++i) != QLatin1Char('\n')) {
                    word += text.at(i);
                    inWord = true;
                }
            } else {
                word += c;
                inWord = true;
            }
            break;
        }
    }
    if (quote != Quote::None) {
        if (error) {
            *error =
                quote == Quote::Single
                    ? QCoreApplication::translate("ShellWords", "A single quote (') is not closed.")
                    : QCoreApplication::translate("ShellWords",
                                                  "A double quote (\") is not closed.");
        }
        return {};
    }
    if (inWord)
        words << word;
    if (error)
        error->clear();
    return words;
}

QString join(const QStringList& words)
{
    QStringList quoted;
    for (const QString& word : words) {
        bool plain = !word.isEmpty();
        for (const QChar c : word) {
            if (!(c.isLetterOrNumber() || QStringLiteral("-_./=:,+@%").contains(c)))
                plain = false;
        }
        if (plain) {
            quoted << word;
            continue;
        }
        QString escaped = word;
        escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        quoted << QLatin1Char('\'') + escaped + QLatin1Char('\'');
    }
    return quoted.join(QLatin1Char(' '));
}

} // namespace ShellWords
