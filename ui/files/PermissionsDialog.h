#pragma once

#include <QDialog>

#include <array>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Changes a file's mode: read, write and execute for owner, group and others, the three
// special bits, and the same as an octal number; the two stay in step.
class PermissionsDialog final : public QDialog
{
    Q_OBJECT
public:
    // name: as shown to the user.
    PermissionsDialog(const QString& name, quint32 mode, QWidget* parent = nullptr);

    quint32 mode() const { return m_mode; }
    void setMode(quint32 mode);
    QLineEdit* octalEdit() const { return m_octal; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateFromBoxes();

    QString m_name;
    quint32 m_mode = 0;
    bool m_updating = false;
    std::array<QCheckBox*, 12> m_boxes{}; // bit i of the mode is m_boxes[i]
    std::array<QLabel*, 4> m_rowLabels{};
    std::array<QLabel*, 3> m_columnLabels{};
    QLabel* m_nameLabel = nullptr;
    QLabel* m_octalLabel = nullptr;
    QLineEdit* m_octal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
