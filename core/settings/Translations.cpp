#include "Translations.h"

#include "Preferences.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

Translations::Translations(QObject* parent)
    : QObject(parent)
{}

Translations::~Translations()
{
    removeAll();
}

QString Translations::systemLanguage()
{
    const QLocale locale;
    if (locale.language() == QLocale::Chinese)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString Translations::displayName(const QString& language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

void Translations::removeAll()
{
    for (QTranslator** translator : {&m_app, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

QString Translations::apply(const QString& requested)
{
    const QString language =
        Preferences::supportedLanguages().contains(requested) ? requested : systemLanguage();
    removeAll();
    m_current = language;
    // Dates and numbers follow the chosen language, not only the words.
    QLocale::setDefault(Preferences::supportedLanguages().contains(requested) ? QLocale(language)
                                                                              : QLocale::system());
    // English is the source language; its .qm only adds plural forms.
    m_app = new QTranslator;
    if (!m_app->load(QStringLiteral(":/i18n/sandboxdesk_") + language)) {
        delete m_app;
        m_app = nullptr;
    } else {
        QCoreApplication::installTranslator(m_app);
    }
    if (language == QLatin1String("en"))
        return language;
    m_qt = new QTranslator;
    if (!m_qt->load(QStringLiteral("qtbase_") + language,
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete m_qt;
        m_qt = nullptr;
    } else {
        QCoreApplication::installTranslator(m_qt);
    }
    return language;
}
