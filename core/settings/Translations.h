#pragma once

#include <QObject>
#include <QString>

class QTranslator;

// Loads the app's and Qt's own translations for a language and swaps them in at run time;
// QEvent::LanguageChange then reaches every widget.
class Translations final : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject* parent = nullptr);
    ~Translations() override;

    // "" follows the system locale; "en" or "zh_CN" pick one. Returns the language in use.
    QString apply(const QString& language);
    QString current() const { return m_current; }

    static QString systemLanguage(); // the supported language closest to the system locale
    static QString displayName(const QString& language); // in its own script: "English", "简体中文"

private:
    void removeAll();

    QTranslator* m_app = nullptr;
    QTranslator* m_qt = nullptr;
    QString m_current;
};
