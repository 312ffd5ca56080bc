package fr.mediance.app.login;

import fr.mediance.app.core.session.LoginViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** "Connexion": the first sign-in, online. */
public final class LoginView extends BasicScreen {

    private final LoginViewModel vm;
    private final ResourceBundle texts;
    private TextField username;

    public LoginView(LoginViewModel vm, ResourceBundle texts) {
        super(texts.getString("login.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Label brand = Ui.label(texts.getString("app.name"), Styles.BRAND);
        Label tagline = Ui.label(texts.getString("app.tagline"), Styles.MUTED);
        Label intro = Ui.label(texts.getString("login.intro"), Styles.HINT);

        TextField server = new TextField();
        server.setId("login-server");
        server.setPromptText(texts.getString("login.server.prompt"));
        server.textProperty().bindBidirectional(vm.serverUrlProperty());

        username = new TextField();
        username.setId("login-username");
        username.textProperty().bindBidirectional(vm.usernameProperty());

        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        // plain HTTP to another machine: a warning, and an explicit choice to go on anyway
        Label plainHttp = Ui.bound(vm.plainHttpWarningProperty(), Styles.FORM_ERROR);
        plainHttp.setId("login-plain-http");
        plainHttp.setWrapText(true);
        CheckBox plainHttpOk = new CheckBox(texts.getString("login.plainHttp.confirm"));
        plainHttpOk.setId("login-plain-http-ok");
        plainHttpOk.setWrapText(true);
        plainHttpOk.selectedProperty().bindBidirectional(vm.plainHttpAcceptedProperty());
        VBox plainHttpBox = new VBox(6, plainHttp, plainHttpOk);
        plainHttpBox.visibleProperty().bind(vm.plainHttpWarningProperty().isNotEmpty());
        plainHttpBox.managedProperty().bind(plainHttpBox.visibleProperty());

        // the steps some accounts need, shown once the server asks for them
        Label enrolmentSecret = Ui.bound(vm.enrolmentSecretProperty(), Styles.BRAND);
        enrolmentSecret.setId("login-totp-secret");
        enrolmentSecret.setStyle("-fx-font-family: monospace; -fx-font-size: 20px;");
        enrolmentSecret.setWrapText(true); // groups of four go to the next line on a phone, never cut
        QrCodeView enrolmentCode = new QrCodeView(vm.enrolmentUriProperty(), 4);
        enrolmentCode.setId("login-totp-qr");
        Label scan = new Label(texts.getString("login.totp.scan"));
        scan.setWrapText(true);
        VBox enrolment = new VBox(
                8,
                Ui.label(texts.getString("login.totp.secret"), Styles.FIELD_LABEL),
                scan,
                enrolmentCode,
                enrolmentSecret);
        enrolment.getStyleClass().add(Styles.FIELD);
        enrolment.visibleProperty().bind(vm.enrolmentSecretProperty().isNotEmpty());
        enrolment.managedProperty().bind(enrolment.visibleProperty());

        TextField totp = new TextField();
        totp.setId("login-totp");
        totp.setPromptText("123 456");
        totp.textProperty().bindBidirectional(vm.totpCodeProperty());
        Node totpField = Ui.field(texts.getString("login.totp"), totp, vm.totpErrorProperty());
        totpField.visibleProperty().bind(vm.totpNeededProperty());
        totpField.managedProperty().bind(totpField.visibleProperty());

        PasswordField newPassword = new PasswordField();
        newPassword.setId("login-new-password");
        newPassword.textProperty().bindBidirectional(vm.newPasswordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("login-new-password-confirmation");
        confirmation.textProperty().bindBidirectional(vm.newPasswordConfirmationProperty());
        Node newPasswordField =
                Ui.field(texts.getString("login.newPassword"), newPassword, vm.newPasswordErrorProperty());
        Node confirmationField = Ui.field(texts.getString("login.newPassword.confirmation"), confirmation, null);
        for (Node n : new Node[] {newPasswordField, confirmationField}) {
            n.visibleProperty().bind(vm.newPasswordNeededProperty());
            n.managedProperty().bind(n.visibleProperty());
        }

        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("login-error");
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button submit = Ui.button(texts.getString("login.submit"), Material2AL.ARROW_FORWARD, Styles.PRIMARY);
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.login());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.busyProperty());
        submit.graphicProperty().bind(vm.busyProperty().map(b -> b ? progress : null));
        submit.textProperty().bind(vm.busyProperty().map(b -> texts.getString(b ? "login.busy" : "login.submit")));

        VBox card = Ui.card(
                brand,
                tagline,
                intro,
                Ui.field(texts.getString("login.server"), server, vm.serverUrlErrorProperty()),
                plainHttpBox,
                Ui.field(texts.getString("login.username"), username, vm.usernameErrorProperty()),
                Ui.field(texts.getString("login.password"), password, vm.passwordErrorProperty()),
                newPasswordField,
                confirmationField,
                enrolment,
                totpField,
                error,
                submit);
        card.setMaxWidth(520);
        card.setSpacing(14);
        card.setId("login-card");
        VBox column = new VBox(card);
        column.setAlignment(Pos.TOP_CENTER);
        return Ui.page(column);
    }

    @Override
    public void onShow() {
        Platform.runLater(() -> {
            if (username != null) {
                username.requestFocus();
            }
        });
    }
}
