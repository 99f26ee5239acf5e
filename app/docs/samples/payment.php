<?php
// Sign On, Inquiry and Payment with PHP's curl extension (HTTP Digest).
$base = "{baseURL}";
$auth = "{user}:{password}";
$merchant = "{merchantID}";
$ref = substr(str_replace('.', '', (string) microtime(true)) . '000000', 0, 12);

function post($path, $body) {
    global $base, $auth;
    $ch = curl_init($base . $path);
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_HTTPAUTH => CURLAUTH_DIGEST,
        CURLOPT_USERPWD => $auth,
        CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
        CURLOPT_POSTFIELDS => json_encode($body),
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 30,
    ]);
    $answer = curl_exec($ch);
    curl_close($ch);
    return json_decode($answer, true);
}

$signon = post('/auth/Sign-On', ['mitra' => 'DJI', 'accountID' => '081234567890', 'merchantID' => $merchant,
    'merchantName' => 'PT.Testing', 'counterID' => '1']);
echo 'Sign On: ' . json_encode($signon) . "\n";
$order = ['sessionID' => $signon['SessionID'], 'merchantID' => $merchant, 'productID' => '100301',
    'customerID' => '110100019766', 'referenceID' => $ref];
$inquiry = post('/Services/Inquiry', $order);
echo 'Inquiry: ' . json_encode($inquiry) . "\n";
$bill = $inquiry['data'];
$payment = post('/Services/Payment', $order + ['tagihan' => $bill['tagihan'], 'admin' => $bill['admin'], 'total' => $bill['total']]);
echo 'Payment: ' . json_encode($payment) . "\n";
