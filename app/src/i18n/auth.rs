//! Sign-in, registration, e-mail activation and passwords.

texts! {
    Auth {
        required_note: "* wajib diisi"
            | "* required",
        login_title: "Login"
            | "Login",
        no_account: "Belum punya akun?"
            | "No account yet?",
        register_link: "Daftar"
            | "Register",
        forgot_link: "Lupa password?"
            | "Forgot password?",
        unverified_login: "Akun Anda belum diaktivasi. Silakan buka email aktivasi yang kami kirim."
            | "Your account is not activated yet. Please open the activation e-mail we sent you.",
        resend_activation_link: "Kirim ulang email aktivasi"
            | "Resend activation e-mail",
        register_title: "Registrasi"
            | "Registration",
        company_label: "Nama Perusahaan / Usaha"
            | "Company / business name",
        website_label: "Website"
            | "Website",
        website_hint: "Opsional, contoh: www.perusahaan.co.id"
            | "Optional, e.g. www.company.co.id",
        phone_hint: "Contoh: 08123456789"
            | "E.g. 08123456789",
        register_button: "Daftar"
            | "Register",
        have_account: "Sudah punya akun?"
            | "Already have an account?",
        login_link: "Login"
            | "Log in",
        verify_title: "Verifikasi email Anda sekarang"
            | "Verify your e-mail now",
        verify_sent_to: "Email verifikasi sudah dikirimkan ke alamat email Anda"
            | "A verification e-mail has been sent to your address",
        verify_click: "Silakan klik tautan yang dikirimkan untuk proses aktivasi."
            | "Please click the link in it to activate your account.",
        verify_enter_email: "Masukkan email yang Anda daftarkan untuk menerima tautan aktivasi baru."
            | "Enter the e-mail you registered with to receive a new activation link.",
        resend_button: "Kirim Ulang"
            | "Resend",
        resent_ok: "Email verifikasi telah dikirim ulang."
            | "The verification e-mail has been sent again.",
        activation_title: "Aktivasi Akun"
            | "Account activation",
        activated_title: "Aktivasi Berhasil!"
            | "Activation successful!",
        activated_body: "Sekarang Anda bisa melakukan login"
            | "You can now log in",
        ok: "OK"
            | "OK",
        already_active: "Akun Anda sudah aktif. Silakan login."
            | "Your account is already active. Please log in.",
        link_expired: "Tautan aktivasi sudah kedaluwarsa atau sudah digunakan. Minta tautan baru di bawah ini."
            | "This activation link has expired or was already used. Ask for a new one below.",
        request_new_link: "Kirim tautan baru"
            | "Send a new link",
        link_invalid: "Tautan aktivasi tidak valid. Masukkan email Anda untuk menerima tautan baru."
            | "This activation link is not valid. Enter your e-mail to receive a new one.",
        forgot_title: "Lupa Password"
            | "Forgot password",
        forgot_body: "Masukkan email akun Anda. Kami akan mengirim tautan untuk membuat password baru."
            | "Enter your account e-mail. We will send you a link to choose a new password.",
        forgot_button: "Kirim Tautan"
            | "Send link",
        forgot_done: "Jika email tersebut terdaftar, tautan untuk mengatur ulang password telah dikirim. Periksa kotak masuk Anda."
            | "If that e-mail is registered, a password reset link has been sent. Check your inbox.",
        reset_title: "Atur Ulang Password"
            | "Reset password",
        reset_button: "Simpan Password"
            | "Save password",
        reset_done: "Password berhasil diubah. Silakan login dengan password baru."
            | "Your password was changed. Please log in with the new password.",
    }
}
